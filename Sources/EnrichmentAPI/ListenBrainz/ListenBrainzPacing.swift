import Foundation

/// When the next ListenBrainz request may start, from the rate-limit headers of the last answer: at once while the
/// window has requests left, at its reset once it has none.
///
/// ```swift
/// var pacing = ListenBrainzPacing()
/// let exchange = await client.fetch(request)
/// pacing.record(exchange.rateLimit)
/// try await clock.sleep(until: pacing.earliestStart(now: clock.now()))
/// ```
package struct ListenBrainzPacing: Hashable, Sendable {
    /// The headers of the last answer that carried them.
    package private(set) var last: ListenBrainzRateLimit?

    package init(last: ListenBrainzRateLimit? = nil) {
        self.last = last
    }

    /// Remembers the headers of an answer; an answer without them leaves the last known ones in place.
    package mutating func record(_ rateLimit: ListenBrainzRateLimit?) {
        if let rateLimit { last = rateLimit }
    }

    /// `now` while requests remain (or nothing is known yet); else the reset time the headers gave, which is
    /// `now + resetIn` when asked as the answer arrives.
    package func earliestStart(now: Date) -> Date {
        guard let last, last.remaining <= 0 else { return now }
        return max(now, last.resetAt)
    }
}
