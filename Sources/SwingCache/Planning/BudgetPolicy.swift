import Foundation

/// How many requests one service may receive, and how quickly.
public struct BudgetPolicy: Hashable, Sendable, Codable {
    /// Requests allowed in any sliding 3600-second window, by every process that shares the ledger. Default 1000.
    public var perHour: Int
    /// The shortest gap between two requests to the service. Default 2 s.
    public var minInterval: TimeInterval
    /// Requests per hour the planner leaves unused, for interactive look-ups (`swingcache get`). Default 50.
    public var reserve: Int
    /// At most this many requests in one run.
    public var maxRequests: Int?
    /// A run starts no request later than this after it began.
    public var maxRuntime: TimeInterval?

    public init(
        perHour: Int = 1000, minInterval: TimeInterval = 2, reserve: Int = 50, maxRequests: Int? = nil,
        maxRuntime: TimeInterval? = nil
    ) {
        self.perHour = perHour
        self.minInterval = minInterval
        self.reserve = reserve
        self.maxRequests = maxRequests
        self.maxRuntime = maxRuntime
    }

    /// The largest count a budget accepts (`per_hour`, `reserve`, `max_requests`): one billion.
    ///
    /// Far beyond any service's quota, and small enough that sums and products of counts never overflow.
    public static let largestCount = 1_000_000_000

    /// Requests per hour a batch run may spend: the quota less the reserve.
    public var perHourForRuns: Int { max(0, perHour - reserve) }

    /// The budget several specs run together must keep: the strictest value of each setting.
    public func combined(with other: BudgetPolicy) -> BudgetPolicy {
        BudgetPolicy(
            perHour: min(perHour, other.perHour),
            minInterval: max(minInterval, other.minInterval),
            reserve: max(reserve, other.reserve),
            maxRequests: [maxRequests, other.maxRequests].compactMap { $0 }.min(),
            maxRuntime: [maxRuntime, other.maxRuntime].compactMap { $0 }.min()
        )
    }
}
