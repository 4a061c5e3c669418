import Foundation

/// The pure rate-limit state machine of one service: when may the next request start?
///
/// It keeps the start times of recent requests (from the ledger, then its own) and answers with the
/// earliest time that keeps both rules: `minInterval` between two requests, and at most `limit` requests
/// in any 3600-second window.
///
/// ```swift
/// var state = RateLimitState(limit: 1000, minInterval: 2, recentRequests: ledgerTimes)
/// let start = state.earliestStart(notBefore: now)
/// state.record(at: start)
/// ```
public struct RateLimitState: Sendable, Equatable {
    public static let window: TimeInterval = 3600

    public var limit: Int
    public var minInterval: TimeInterval
    /// No request may start before this (a `Retry-After`, or a parked service).
    public var blockedUntil: Date?
    private var starts: [Date]
    private var firstInWindow = 0

    public init(limit: Int, minInterval: TimeInterval, recentRequests: [Date], blockedUntil: Date? = nil) {
        self.limit = limit
        self.minInterval = minInterval
        self.blockedUntil = blockedUntil
        self.starts = recentRequests.sorted()
    }

    /// The earliest moment at or after `time` at which a request may start.
    ///
    /// Returns nil when the limit is zero: no request may ever start.
    /// With `ignoringWindow`, only the interval and any block count: the difference tells whether the
    /// hourly window is what delays the request.
    public func earliestStart(notBefore time: Date, ignoringWindow: Bool = false) -> Date? {
        guard limit > 0 else { return nil }
        var start = time
        if let blockedUntil, blockedUntil > start { start = blockedUntil }
        if let last = starts.last, last.addingTimeInterval(minInterval) > start {
            start = last.addingTimeInterval(minInterval)
        }
        let inWindow = starts.count - firstInWindow
        if !ignoringWindow && inWindow >= limit {
            // The request that must leave the window before another may enter it.
            let leaving = starts[starts.count - limit]
            let freed = leaving.addingTimeInterval(Self.window)
            if freed > start { start = freed }
        }
        return start
    }

    /// Notes a request that started at `time` (at or after every earlier one).
    public mutating func record(at time: Date) {
        starts.append(time)
        let windowStart = time.addingTimeInterval(-Self.window)
        while firstInWindow < starts.count, starts[firstInWindow] <= windowStart {
            firstInWindow += 1
        }
        if firstInWindow > 4096 {
            starts.removeFirst(firstInWindow)
            firstInWindow = 0
        }
    }

    /// How many recorded requests fall in the window that ends at `time`.
    public func requestsInWindow(endingAt time: Date) -> Int {
        let windowStart = time.addingTimeInterval(-Self.window)
        return starts[firstInWindow...].reduce(0) { $0 + ($1 > windowStart && $1 <= time ? 1 : 0) }
    }
}
