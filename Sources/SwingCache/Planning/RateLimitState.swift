import Foundation

/// The pure rate-limit state machine of one service: when may the next request start?
///
/// It keeps the start times of recent requests (from the ledger, then its own) and answers with the
/// earliest time that keeps every rule: `minInterval` between two requests, at most `limit` requests
/// in any 3600-second window, and at most `dailyLimit` in any 86 400-second window when there is one.
///
/// ```swift
/// var state = RateLimitState(limit: 1000, minInterval: 2, recentRequests: ledgerTimes, dailyLimit: 2_000)
/// let start = state.earliestStart(notBefore: now)
/// state.record(at: start)
/// ```
package struct RateLimitState: Sendable, Equatable {
    package static let window: TimeInterval = 3600
    package static let dayWindow: TimeInterval = 86_400

    package var limit: Int
    package var minInterval: TimeInterval
    /// Requests allowed in any rolling day; nil for no daily limit.
    package var dailyLimit: Int?
    /// No request may start before this (a `Retry-After`, or a parked service).
    package var blockedUntil: Date?
    private var starts: [Date]
    private var firstInWindow = 0
    private var firstInDay = 0

    package init(
        limit: Int, minInterval: TimeInterval, recentRequests: [Date], blockedUntil: Date? = nil,
        dailyLimit: Int? = nil
    ) {
        self.limit = limit
        self.minInterval = minInterval
        self.dailyLimit = dailyLimit
        self.blockedUntil = blockedUntil
        self.starts = recentRequests.sorted()
    }

    /// The earliest moment at or after `time` at which a request may start.
    ///
    /// Returns nil when a limit is zero: no request may ever start.
    /// With `ignoringWindow`, only the interval and any block count; with `ignoringDay`, the daily window does not:
    /// the differences tell which window delays the request.
    package func earliestStart(notBefore time: Date, ignoringWindow: Bool = false, ignoringDay: Bool = false) -> Date? {
        guard limit > 0, dailyLimit.map({ $0 > 0 }) ?? true else { return nil }
        var start = time
        if let blockedUntil, blockedUntil > start { start = blockedUntil }
        if let last = starts.last, last.addingTimeInterval(minInterval) > start {
            start = last.addingTimeInterval(minInterval)
        }
        guard !ignoringWindow else { return start }
        if starts.count - firstInWindow >= limit {
            // The request that must leave the window before another may enter it.
            let freed = starts[starts.count - limit].addingTimeInterval(Self.window)
            if freed > start { start = freed }
        }
        if !ignoringDay, let dailyLimit, starts.count - firstInDay >= dailyLimit {
            let freed = starts[starts.count - dailyLimit].addingTimeInterval(Self.dayWindow)
            if freed > start { start = freed }
        }
        return start
    }

    /// Notes a request that started at `time` (at or after every earlier one).
    package mutating func record(at time: Date) {
        starts.append(time)
        let windowStart = time.addingTimeInterval(-Self.window)
        while firstInWindow < starts.count, starts[firstInWindow] <= windowStart {
            firstInWindow += 1
        }
        let dayStart = time.addingTimeInterval(-Self.dayWindow)
        while firstInDay < starts.count, starts[firstInDay] <= dayStart {
            firstInDay += 1
        }
        let unused = dailyLimit == nil ? firstInWindow : firstInDay
        if unused > 4096 {
            starts.removeFirst(unused)
            firstInWindow -= unused
            firstInDay = max(0, firstInDay - unused)
        }
    }

    /// How many recorded requests fall in the window that ends at `time`.
    package func requestsInWindow(endingAt time: Date) -> Int {
        count(in: Self.window, endingAt: time)
    }

    /// How many recorded requests fall in the rolling day that ends at `time`.
    package func requestsInDay(endingAt time: Date) -> Int {
        count(in: Self.dayWindow, endingAt: time)
    }

    private func count(in length: TimeInterval, endingAt time: Date) -> Int {
        let start = time.addingTimeInterval(-length)
        return starts.reduce(0) { $0 + ($1 > start && $1 <= time ? 1 : 0) }
    }
}
