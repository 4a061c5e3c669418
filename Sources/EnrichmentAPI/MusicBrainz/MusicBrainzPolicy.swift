import Foundation

/// MusicBrainz's rules as a pure value: one request per second, strictly serial, and 503s retried a few times at
/// least a second apart (they come at a compliant pace too).
///
/// ```swift
/// let policy = MusicBrainzPolicy.standard
/// let start = policy.earliestStart(lastStart: previous, now: clock.now())
/// switch policy.afterBusy(retriesSoFar: retries, now: clock.now()) {
/// case .retry(let at): …
/// case .giveUp: …
/// }
/// ```
package struct MusicBrainzPolicy: Hashable, Sendable {
    /// What to do after a `busy` answer.
    package enum BusyDecision: Hashable, Sendable {
        /// Send the request again, no sooner than `at`.
        case retry(at: Date)
        /// The request has been retried enough: count it as failed.
        case giveUp
    }

    /// MusicBrainz's published rule: 1 s, the least allowed.
    package static let standard = MusicBrainzPolicy()

    /// The shortest gap between the starts of two requests. Never below 1 s.
    package var minInterval: TimeInterval
    /// Requests in flight at once: MusicBrainz asks for strictly serial clients.
    package let maxConcurrentRequests = 1
    /// Retries of a request answered `busy`, before it counts as failed.
    package var maxBusyRetries: Int
    /// The wait before the first retry of a `busy` request; the nth waits n times as long. Never below 1 s.
    package var busyBackoff: TimeInterval

    /// Values below MusicBrainz's rule are raised to it.
    package init(minInterval: TimeInterval = 1, maxBusyRetries: Int = 4, busyBackoff: TimeInterval = 1) {
        self.minInterval = max(1, minInterval)
        self.maxBusyRetries = max(0, maxBusyRetries)
        self.busyBackoff = max(1, busyBackoff)
    }

    /// The earliest start of the next request, given when the previous one started.
    package func earliestStart(lastStart: Date?, now: Date) -> Date {
        guard let lastStart else { return now }
        return max(now, lastStart.addingTimeInterval(minInterval))
    }

    /// Whether and when to send a request again that was answered `busy`, having been retried `retriesSoFar` times.
    package func afterBusy(retriesSoFar: Int, now: Date) -> BusyDecision {
        guard retriesSoFar < maxBusyRetries else { return .giveUp }
        let wait = max(minInterval, busyBackoff * Double(retriesSoFar + 1))
        return .retry(at: now.addingTimeInterval(wait))
    }
}
