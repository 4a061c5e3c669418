import Foundation

/// Deezer's limit as a pure value: at most `limit` requests in any `window` seconds (about 50 per 5 s).
///
/// ```swift
/// let start = DeezerPolicy.standard.earliestStart(notBefore: clock.now(), recentStarts: startsOfLastRequests)
/// ```
package struct DeezerPolicy: Hashable, Sendable {
    package static let standard = DeezerPolicy()

    package var limit: Int
    package var window: TimeInterval

    package init(limit: Int = 50, window: TimeInterval = 5) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// The earliest moment at or after `now` at which one more request keeps at most `limit` in any window, given
    /// the start times of earlier requests (in any order).
    package func earliestStart(notBefore now: Date, recentStarts: [Date]) -> Date {
        let starts = recentStarts.filter { $0 > now.addingTimeInterval(-window) }.sorted()
        guard starts.count >= limit else { return now }
        // The request that must leave the window before another may enter it.
        let leaving = starts[starts.count - limit]
        return max(now, leaving.addingTimeInterval(window))
    }
}
