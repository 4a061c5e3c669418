import CacheStore
import Foundation
import SwingCache

/// Gathers what the planner needs from the store and asks it for a plan.
///
/// ```swift
/// let plan = try Scheduler(store: store).plan(JobSet(specs: specs, defaultMarket: "US"), now: .now)
/// ```
public struct Scheduler: Sendable {
    /// The ledger and service-state name of the Spotify Web API.
    public static let spotify = "spotify"

    public let store: SQLiteCacheStore
    /// A per-item mode learned longer ago than this is probed again with one batch request.
    public var modeRecheckAfter: TimeInterval

    public init(store: SQLiteCacheStore, modeRecheckAfter: TimeInterval = 7 * 86_400) {
        self.store = store
        self.modeRecheckAfter = modeRecheckAfter
    }

    public func plan(_ jobs: JobSet, now: Date, budgetOverride: (BudgetPolicy) -> BudgetPolicy = { $0 }) throws -> Plan
    {
        let cache = try store.cacheStates(for: jobs.targets.map(\.id))
        let recent = try store.requestTimes(
            service: Self.spotify, since: now.addingTimeInterval(-RateLimitState.window))
        var service = try store.serviceState(Self.spotify)
        for (kind, mode) in service.modes where mode == .perItem {
            if let learnedAt = try store.modeLearnedAt(Self.spotify, kind: kind),
                now.timeIntervalSince(learnedAt) > modeRecheckAfter
            {
                service.modes[kind] = .unknown
            }
        }
        return Planner(budget: budgetOverride(jobs.budget)).plan(
            targets: jobs.targets, invalidCount: jobs.invalidCount, cache: cache, recentRequests: recent,
            service: service, now: now)
    }
}
