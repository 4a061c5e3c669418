import Foundation

/// One request the run will make: ids of one kind and market, and when the budget lets it start.
public struct PlannedRequest: Hashable, Sendable {
    public var kind: EntityKind
    public var market: String
    public var ids: [SpotifyID]
    /// The earliest start the budget allows, if the run starts at the plan's time.
    public var scheduledAt: Date
}

/// What a run will fetch, what it leaves for later, and whether the quota can keep up.
public struct Plan: Sendable {
    public var createdAt: Date
    public var budget: BudgetPolicy
    public var serviceState: ServiceState
    /// Targets by state, including the invalid ids the specs listed.
    public var itemsByState: [FreshnessState: Int]
    public var requests: [PlannedRequest]
    /// Ids that need a fetch but do not fit this run, highest priority first.
    public var deferred: [SpotifyID]
    public var deferredByState: [FreshnessState: Int]
    /// Requests that fetching every missing, stale and due id would take.
    public var requestsNeeded: Int
    /// Requests already in the ledger's last hour.
    public var requestsInLastHour: Int
    /// Requests already in the ledger's trailing 24 hours.
    public var requestsInLastDay: Int = 0
    /// The rolling day's limit the plan kept: `per_day` or the learned ceiling's share; nil for none.
    public var dailyLimit: Int?
    /// How long fetching every needed id would take at this quota, from the plan's time.
    public var timeToFinish: TimeInterval?
    /// Why the run stops where it does, when it defers anything.
    public var limitedBy: PlanLimit?
    public var ttlCheck: TTLCheck

    public var itemsThisRun: Int { requests.reduce(0) { $0 + $1.ids.count } }
    public var itemsDeferred: Int { deferred.count }
    public var totalTargets: Int { itemsByState.values.reduce(0, +) }
    /// How long the run's requests take to start, from the plan's time.
    public var runDuration: TimeInterval { requests.last.map { $0.scheduledAt.timeIntervalSince(createdAt) } ?? 0 }
}

/// What stops a run from fetching everything that needs it.
public enum PlanLimit: Hashable, Sendable {
    case hourlyQuota
    /// The rolling day is spent: its configured `per_day`, or the share of the learned ceiling.
    case dailyQuota
    case maxRequests(Int)
    case maxRuntime(TimeInterval)
    case parked(until: Date, reason: String?)
    case noBudget
}

/// Whether the job's ttl can be kept for all its targets at this quota, and what would make it so.
public struct TTLCheck: Hashable, Sendable {
    /// The shortest ttl among the jobs.
    public var ttl: TimeInterval
    /// Requests to refresh every target once.
    public var requestsPerRefresh: Int
    /// Requests the budget allows in one ttl.
    public var capacityPerTTL: Int
    public var keepable: Bool { requestsPerRefresh <= capacityPerTTL }
    /// The shortest ttl this quota can keep.
    public var minimumTTL: TimeInterval
    /// The smallest `per_hour` (reserve included) that keeps the ttl, when the hourly quota is what binds.
    public var minimumPerHour: Int?
}
