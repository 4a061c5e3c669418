import Foundation
import Logging
import SharedTier
import SpotifyAPI
import SwingCache

/// `get`'s miss path: fetches ids the cache lacks or holds stale through the same scheduler, pacer and executor as a
/// run, with the whole hourly quota (the reserve included), waiting at most half a minute.
///
/// ```swift
/// let outcome = try await ReadThrough(cache: cache, configuration: configuration, clock: clock, logger: logger)
///     .fetch(ids, credentials: credentials, redisTier: redisTier)
/// ```
package struct ReadThrough: Sendable {
    package var cache: TieredCache
    package var configuration: SwingCacheConfiguration
    /// The clock freshness was judged by (`--now`), so what is fetched expires from the same moment.
    package var clock: any RunClock
    package var logger: Logger

    package init(cache: TieredCache, configuration: SwingCacheConfiguration, clock: any RunClock, logger: Logger) {
        self.cache = cache
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// What a fetch came to.
    package struct Outcome: Sendable {
        /// The ids stored by this fetch.
        package var fetched: Set<SpotifyID>
        /// Until when Spotify is parked, and why, when that kept anything from being fetched.
        package var parked: (until: Date, reason: String?)?
        /// Why Spotify refused the credentials, when it did.
        package var refusedCredentials: String?
    }

    package func fetch(_ ids: [SpotifyID], credentials: SpotifyCredentials, redisTier: RedisTier?) async throws
        -> Outcome
    {
        let jobs = JobSet(
            targets: ids.map { PlanTarget(id: $0, market: configuration.market, freshness: FreshnessPolicy()) },
            budget: BudgetPolicy(reserve: 0, maxRuntime: 30), defaultMarket: configuration.market)
        let plan = try await Scheduler(cache: cache, modeRecheckAfter: configuration.modeRecheck).plan(
            jobs, now: clock.now())
        let client = SpotifyClient(
            endpoints: configuration.endpoints, credentials: credentials, transport: configuration.makeTransport(),
            sharedTokens: redisTier?.tokens(for: credentials, endpoints: configuration.endpoints))
        let executor = RunExecutor(
            store: cache.store, client: client, clock: clock, logger: logger, sharedBudget: redisTier?.budget,
            sharedCatalog: cache.shared)
        let summary = await executor.execute(plan, jobs: jobs, runID: nil)
        var outcome = Outcome(fetched: [])
        if case .configurationError(let message) = summary.outcome {
            outcome.refusedCredentials = message
            return outcome
        }
        switch (summary.outcome, plan.limitedBy) {
        case (.parked(let until, let reason), _), (_, .parked(let until, let reason)?): outcome.parked = (until, reason)
        default: break
        }
        let after = try await cache.cacheStates(for: ids)
        for id in ids {
            if case .cached(let fetchedAt, _) = after[id], fetchedAt >= plan.createdAt { outcome.fetched.insert(id) }
        }
        return outcome
    }
}
