import CacheStore
import Foundation
import SwingCache

/// Where a run stands, for the live line on a terminal and the periodic log line in cron.
package struct RunProgress: Sendable {
    /// The part of the run: nil for the Spotify catalog requests (shown as `spotify`), `matching`, or a provider's
    /// name.
    package var phase: String?
    /// What `itemsDone` counts: `items`, `files`, `keys`.
    package var unit = "items"
    package var itemsDone: Int
    package var itemsTotal: Int
    package var requests: Int
    package var requestsLeft: Int
    /// What the run is waiting for right now, and until when.
    package var waiting: (reason: WaitReason, until: Date)?
    /// The shortest time the remaining requests can take at this quota.
    package var estimatedRemaining: TimeInterval
    package var now: Date
    /// The least time the whole run has left: this phase's, then every later phase's planned requests at their
    /// paces; nil when the run knows only this phase (a run without a library, or one nobody watches).
    package var runRemaining: TimeInterval?

    /// `spotify: 412/2000 items, 9 requests, waiting: min interval 1.4s, about 3m left`, or `lastfm: 40/300 keys, …`;
    /// in a library run `…, about 3m left in this phase, about 41m for the run`.
    package var line: String {
        var text =
            "\(phase ?? "spotify"): \(itemsDone)/\(itemsTotal) \(unit), \(requests) request\(requests == 1 ? "" : "s")"
        if let waiting {
            let seconds = max(0, waiting.until.timeIntervalSince(now))
            let what = waiting.reason.rawValue.replacingOccurrences(of: "_", with: " ")
            text +=
                seconds > 3600
                ? ", waiting: \(what) until \(waiting.until.formatted(.iso8601))"
                : ", waiting: \(what) \(DurationText.format(seconds))"
        }
        guard let runRemaining else {
            if requestsLeft > 0 { text += ", about \(DurationText.format(estimatedRemaining)) left" }
            return text
        }
        if requestsLeft > 0 { text += ", about \(DurationText.format(estimatedRemaining)) left in this phase" }
        if runRemaining > 0 { text += ", about \(DurationText.format(runRemaining)) for the run" }
        return text
    }

    /// This progress with the run's time left: what this phase has left, then `later` seconds for the phases after
    /// it.
    package func withRunRemaining(later: TimeInterval) -> RunProgress {
        var progress = self
        progress.runRemaining = (requestsLeft > 0 ? estimatedRemaining : 0) + later
        return progress
    }
}
