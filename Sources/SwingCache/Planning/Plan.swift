import Foundation

/// One request the run will make: ids of one kind and market, and when the budget lets it start.
package struct PlannedRequest: Hashable, Sendable {
    package var kind: EntityKind
    package var market: String
    package var ids: [SpotifyID]
    /// The earliest start the budget allows, if the run starts at the plan's time.
    package var scheduledAt: Date
}

/// What a run will fetch, what it leaves for later, and whether the quota can keep up.
package struct Plan: Sendable {
    package var createdAt: Date
    package var budget: BudgetPolicy
    package var serviceState: ServiceState
    /// Targets by state, including the invalid ids the specs listed.
    package var itemsByState: [FreshnessState: Int]
    package var requests: [PlannedRequest]
    /// Ids that need a fetch but do not fit this run, highest priority first.
    package var deferred: [SpotifyID]
    package var deferredByState: [FreshnessState: Int]
    /// Requests that fetching every missing, stale and due id would take.
    package var requestsNeeded: Int
    /// Requests already in the ledger's last hour.
    package var requestsInLastHour: Int
    /// Requests already in the ledger's trailing 24 hours.
    package var requestsInLastDay: Int = 0
    /// The rolling day's limit the plan kept: `per_day` or the learned ceiling's share; nil for none.
    package var dailyLimit: Int?
    /// How long fetching every needed id would take at this quota, from the plan's time.
    package var timeToFinish: TimeInterval?
    /// Why the run stops where it does, when it defers anything.
    package var limitedBy: PlanLimit?
    package var ttlCheck: TTLCheck

    package var itemsThisRun: Int { requests.reduce(0) { $0 + $1.ids.count } }
    package var itemsDeferred: Int { deferred.count }
    package var totalTargets: Int { itemsByState.values.reduce(0, +) }
    /// How long the run's requests take to start, from the plan's time.
    package var runDuration: TimeInterval { requests.last.map { $0.scheduledAt.timeIntervalSince(createdAt) } ?? 0 }
}

/// What stops a run from fetching everything that needs it.
package enum PlanLimit: Hashable, Sendable {
    case hourlyQuota
    /// The rolling day is spent: its configured `per_day`, or the share of the learned ceiling.
    case dailyQuota
    case maxRequests(Int)
    case maxRuntime(TimeInterval)
    case parked(until: Date, reason: String?)
    case noBudget
}

/// Whether the job's ttl can be kept for all its targets at this quota, and what would make it so.
package struct TTLCheck: Hashable, Sendable {
    /// The shortest ttl among the jobs.
    package var ttl: TimeInterval
    /// Requests to refresh every target once.
    package var requestsPerRefresh: Int
    /// Requests the budget allows in one ttl.
    package var capacityPerTTL: Int
    package var keepable: Bool { requestsPerRefresh <= capacityPerTTL }
    /// The shortest ttl this quota can keep.
    package var minimumTTL: TimeInterval
    /// The smallest `per_hour` (reserve included) that keeps the ttl, when the hourly quota is what binds.
    package var minimumPerHour: Int?
}
