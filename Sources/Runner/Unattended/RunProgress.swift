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

    /// `spotify: 412/2000 items, 9 requests, waiting: min interval 1.4s, about 3m left`, or `lastfm: 40/300 keys, …`
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
        if requestsLeft > 0 { text += ", about \(DurationText.format(estimatedRemaining)) left" }
        return text
    }
}
