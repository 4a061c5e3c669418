import CacheStore
import Foundation
import SharedTier
import SwingCache

/// Gathers what the planner needs from the store and asks it for a plan.
///
/// ```swift
/// let plan = try await Scheduler(store: store).plan(JobSet(specs: specs, defaultMarket: "US"), now: .now)
/// ```
package struct Scheduler: Sendable {
    /// The ledger and service-state name of the Spotify Web API.
    package static let spotify = "spotify"

    /// Freshness comes from here (Redis first when shared), the ledger and service state from its store.
    package let cache: TieredCache
    /// A per-item mode learned longer ago than this is probed again with one batch request.
    package var modeRecheckAfter: TimeInterval

    package var store: AppDatabase { cache.store }

    package init(cache: TieredCache, modeRecheckAfter: TimeInterval = 7 * 86_400) {
        self.cache = cache
        self.modeRecheckAfter = modeRecheckAfter
    }

    package init(store: AppDatabase, modeRecheckAfter: TimeInterval = 7 * 86_400) {
        self.init(cache: TieredCache(store: store), modeRecheckAfter: modeRecheckAfter)
    }

    package func plan(
        _ jobs: JobSet, now: Date, budgetOverride: (BudgetPolicy) -> BudgetPolicy = { $0 }
    ) async throws -> Plan {
        let cache = try await cache.cacheStates(for: jobs.targets.map(\.id))
        let recent = try await store.ledger.requestTimes(
            service: Self.spotify, since: now.addingTimeInterval(-RateLimitState.window))
        var service = try await store.ledger.serviceState(Self.spotify)
        for (kind, mode) in service.modes where mode == .perItem {
            if let learnedAt = try await store.ledger.modeLearnedAt(Self.spotify, kind: kind),
                now.timeIntervalSince(learnedAt) > modeRecheckAfter
            {
                service.modes[kind] = .unknown
            }
        }
        let ttl = jobs.specs.map(\.freshness.ttl).min() ?? FreshnessPolicy().ttl
        return Planner(budget: budgetOverride(jobs.budget), ttlWithoutTargets: ttl).plan(
            targets: jobs.targets, invalidCount: jobs.invalidCount, cache: cache, recentRequests: recent,
            service: service, now: now)
    }
}
