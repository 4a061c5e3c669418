import CacheStore
import Foundation
import Logging
import SpotifyAPI
import SwingCache

/// A whole run: plan, a `run` row, execution, and the row closed with the outcome.
public struct JobRun: Sendable {
    public var store: SQLiteCacheStore
    public var client: SpotifyClient
    public var clock: any RunClock
    public var retry: RetryPolicy
    public var logger: Logger
    public var stopSignal: StopSignal
    /// How long a learned per-item mode is trusted before it is probed again.
    public var modeRecheck: TimeInterval = 7 * 86_400
    /// Told as the run goes: after each request and when a wait begins.
    public var progress: @Sendable (RunProgress) -> Void = { _ in }
    /// The budget shared with other runners (Redis), when configured.
    public var sharedBudget: (any SharedBudget)?
    /// The catalog cache shared with other hosts (Redis): read before SQLite, written after it.
    public var sharedCatalog: SharedCatalog?

    public init(
        store: SQLiteCacheStore, client: SpotifyClient, clock: any RunClock, retry: RetryPolicy = RetryPolicy(),
        logger: Logger, stopSignal: StopSignal = StopSignal()
    ) {
        self.store = store
        self.client = client
        self.clock = clock
        self.retry = retry
        self.logger = logger
        self.stopSignal = stopSignal
    }

    /// Plans `jobs` now and carries the plan out.
    public func run(_ jobs: JobSet, budgetOverride: @Sendable (BudgetPolicy) -> BudgetPolicy = { $0 }) async throws
        -> (plan: Plan, summary: RunSummary, runID: Int64)
    {
        let cache = TieredCache(store: store, shared: sharedCatalog)
        let plan = try await Scheduler(cache: cache, modeRecheckAfter: modeRecheck).plan(
            jobs, now: clock.now(), budgetOverride: budgetOverride)
        let runID = try store.beginRun(
            jobs: jobs.names, startedAt: plan.createdAt, pid: ProcessInfo.processInfo.processIdentifier,
            host: ProcessInfo.processInfo.hostName)
        let executor = RunExecutor(
            store: store, client: client, clock: clock, retry: retry, logger: logger, stopSignal: stopSignal,
            progress: progress, sharedBudget: sharedBudget, sharedCatalog: sharedCatalog)
        let summary = await executor.execute(plan, jobs: jobs, runID: runID)
        let report = RunReport(plan: plan, jobs: jobs, summary: summary, runID: runID)
        try store.finishRun(
            runID, finishedAt: summary.finishedAt, outcome: summary.outcome.name, fetched: summary.fetched,
            requests: summary.requests, deferred: summary.deferred, summary: report.jsonLine)
        return (plan, summary, runID)
    }
}
