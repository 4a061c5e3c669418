import Foundation

/// How many requests one service may receive, and how quickly.
package struct BudgetPolicy: Hashable, Sendable, Codable {
    /// Requests allowed in any sliding 3600-second window, by every process that shares the ledger. Default 1000.
    package var perHour: Int
    /// Requests allowed in any sliding 86 400-second window (Spotify's Development-Mode quota is a rolling day, per
    /// developer account); nil for no daily limit but the one learned from a `QUOTA_EXCEEDED`. Default nil.
    package var perDay: Int?
    /// The share of a learned daily ceiling that plans may spend (``QuotaObservation/ceiling(safetyShare:)``).
    /// Default 0.9.
    package var quotaSafetyShare: Double
    /// The shortest gap between two requests to the service. Default 2 s.
    package var minInterval: TimeInterval
    /// Requests per hour the planner leaves unused, for interactive look-ups (`swingcache get`). Default 50.
    package var reserve: Int
    /// At most this many requests in one run.
    package var maxRequests: Int?
    /// A run starts no request later than this after it began.
    package var maxRuntime: TimeInterval?

    package init(
        perHour: Int = 1000, minInterval: TimeInterval = 2, reserve: Int = 50, maxRequests: Int? = nil,
        maxRuntime: TimeInterval? = nil, perDay: Int? = nil, quotaSafetyShare: Double = 0.9
    ) {
        self.perHour = perHour
        self.perDay = perDay
        self.quotaSafetyShare = quotaSafetyShare
        self.minInterval = minInterval
        self.reserve = reserve
        self.maxRequests = maxRequests
        self.maxRuntime = maxRuntime
    }

    /// The largest count a budget accepts (`per_hour`, `reserve`, `max_requests`): one billion.
    ///
    /// Far beyond any service's quota, and small enough that sums and products of counts never overflow.
    package static let largestCount = 1_000_000_000

    /// Requests per hour a batch run may spend: the quota less the reserve.
    package var perHourForRuns: Int { max(0, perHour - reserve) }

    /// Requests allowed in any rolling day: the configured `perDay` or the safe share of what the service was last
    /// seen to allow before it answered `QUOTA_EXCEEDED`, whichever is smaller; nil when neither is known.
    package func dailyLimit(learned: QuotaObservation?) -> Int? {
        [perDay, learned?.ceiling(safetyShare: quotaSafetyShare)].compactMap { $0 }.min()
    }

    /// Extra distance a request's slot keeps beyond `interval` after it is sent: the delay from recording a send to
    /// the request reaching the server varies between requests and processes (a new connection, a loaded machine: up
    /// to 7 ms seen on 2 cores), and the server must never see two requests closer than the interval.
    package static func sendGuard(forInterval interval: TimeInterval) -> TimeInterval { min(0.025, interval / 10) }

    /// The budget several specs run together must keep: the strictest value of each setting.
    package func combined(with other: BudgetPolicy) -> BudgetPolicy {
        BudgetPolicy(
            perHour: min(perHour, other.perHour),
            minInterval: max(minInterval, other.minInterval),
            reserve: max(reserve, other.reserve),
            maxRequests: [maxRequests, other.maxRequests].compactMap { $0 }.min(),
            maxRuntime: [maxRuntime, other.maxRuntime].compactMap { $0 }.min(),
            perDay: [perDay, other.perDay].compactMap { $0 }.min(),
            quotaSafetyShare: min(quotaSafetyShare, other.quotaSafetyShare)
        )
    }
}
