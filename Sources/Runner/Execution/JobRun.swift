import CacheStore
import EnrichmentAPI
import Foundation
import Logging
import Outbound
import SharedTier
import SpotifyAPI
import SwingCache

/// A whole run: the library read and matched (when a job names one), plan, a `run` row, execution, and the row
/// closed with the outcome.
package struct JobRun: Sendable {
    package var store: AppDatabase
    package var client: SpotifyClient
    package var clock: any RunClock
    package var retry: RetryPolicy
    package var logger: Logger
    /// How long a learned per-item mode is trusted before it is probed again.
    package var modeRecheck: TimeInterval = 7 * 86_400
    /// Told as the run goes: after each request and when a wait begins.
    package var progress: @Sendable (RunProgress) -> Void = { _ in }
    /// Whether `progress` also tells a library run's whole time left (``RunProgress/runRemaining``), from the
    /// estimate `plan` prints: for a person watching, as it reads the library a second time before the first request.
    package var tellsRunTimeLeft = false
    /// The budget shared with other runners (Redis), when configured.
    package var sharedBudget: (any SharedBudget)?
    /// The catalog cache shared with other hosts (Redis): read before SQLite, written after it.
    package var sharedCatalog: SharedCatalog?
    /// The enrichment providers that are configured; the others are skipped with one log line each.
    package var providers = ProviderClients()
    /// Each provider's budget before a spec's `enrich:` changes it.
    package var providerBudgets = ProviderBudgetDefaults.standard
    /// How the SwingMusic library is found and read; tests point it at their own environment.
    package var libraryImport: @Sendable (AppDatabase, any RunClock, Logger) -> LibraryImport = {
        LibraryImport(store: $0, clock: $1, logger: $2)
    }

    package init(
        store: AppDatabase, client: SpotifyClient, clock: any RunClock, retry: RetryPolicy = RetryPolicy(),
        logger: Logger
    ) {
        self.store = store
        self.client = client
        self.clock = clock
        self.retry = retry
        self.logger = logger
    }

    /// Reads and matches the library `jobs` name, if any, then plans `jobs` (and the matched tracks) and carries
    /// the plan out.
    ///
    /// Searches and catalog requests share one budget: `max_requests` and `max_runtime` count from the run's
    /// start, and every search is in the ledger's hour. A missing or unreadable SwingMusic database throws its
    /// `SwingMusicLibraryError` before any request or `run` row.
    package func run(_ jobs: JobSet, budgetOverride: @Sendable (BudgetPolicy) -> BudgetPolicy = { $0 }) async throws
        -> (plan: Plan, summary: RunSummary, runID: Int64)
    {
        var jobs = jobs
        let startedAt = clock.now()
        let imported = try await importLibrary(jobs)
        let progress = await progressTellingRunTimeLeft(jobs, budgetOverride: budgetOverride)
        let runID = try await store.runs.beginRun(
            jobs: jobs.names, startedAt: startedAt, pid: ProcessInfo.processInfo.processIdentifier,
            host: ProcessInfo.processInfo.hostName)
        let executor = RunExecutor(
            store: store, client: client, clock: clock, retry: retry, logger: logger, progress: progress,
            sharedBudget: sharedBudget, sharedCatalog: sharedCatalog)

        var matching: (summary: RunSummary, stop: RunOutcome?)?
        if let imported, let spec = jobs.librarySpec {
            matching = await match(
                imported, market: spec.market ?? jobs.defaultMarket, jobs: jobs, budget: budgetOverride(jobs.budget),
                startedAt: startedAt, executor: executor, runID: runID, progress: progress)
            let ids = try await store.library.matchedSpotifyTrackIDs().map { SpotifyID(kind: .track, value: $0) }
            let added = jobs.addLibraryMatches(ids)
            matching?.summary.library?.matchedTargets = added
        }

        let spent = matching?.summary.requests ?? 0
        let elapsed = clock.now().timeIntervalSince(startedAt)
        let cache = TieredCache(store: store, shared: sharedCatalog)
        var plan = try await Scheduler(cache: cache, modeRecheckAfter: modeRecheck).plan(jobs, now: clock.now()) {
            var budget = budgetOverride($0)
            budget.maxRequests = budget.maxRequests.map { max(0, $0 - spent) }
            budget.maxRuntime = budget.maxRuntime.map { max(0, $0 - elapsed) }
            return budget
        }
        // The plan saw what the searches left; the limit the run reached is the spec's.
        let limits = budgetOverride(jobs.budget)
        switch plan.limitedBy {
        case .maxRequests?: plan.limitedBy = limits.maxRequests.map { .maxRequests($0) } ?? plan.limitedBy
        case .maxRuntime?: plan.limitedBy = limits.maxRuntime.map { .maxRuntime($0) } ?? plan.limitedBy
        default: break
        }
        var summary: RunSummary
        if let stop = matching?.stop {
            summary = Self.unexecuted(plan, outcome: stop, finishedAt: clock.now())
        } else {
            summary = await executor.execute(plan, jobs: jobs, runID: runID)
        }
        if let matching {
            summary.include(earlier: matching.summary)
            if matching.stop == nil, summary.outcome == .completed, let library = matching.summary.library,
                library.failed > 0
            {
                summary.outcome = .deferred(
                    "\(library.failed) files could not be matched and are retried by the next run")
            }
        }
        // Wrong Spotify credentials end the run at once: no provider is asked on behalf of a run that cannot finish.
        if let spec = jobs.librarySpec, !spec.enrichment.ttls.isEmpty, !summary.outcome.isConfigurationError {
            summary.providers = await enrich(
                spec, deadline: budgetOverride(jobs.budget).maxRuntime.map { startedAt.addingTimeInterval($0) },
                runID: runID, progress: progress)
            summary.finishedAt = clock.now()
            if summary.outcome == .completed, let left = Self.providerWorkLeft(summary.providers) {
                summary.outcome = .deferred(left)
            }
        }
        summary.tokenFetches = await client.tokens.fetchCount
        summary.recordStop()
        let report = RunReport(plan: plan, jobs: jobs, summary: summary, runID: runID)
        do {
            try await store.runs.finishRun(
                runID, finishedAt: summary.finishedAt, outcome: summary.outcome.name, fetched: summary.fetched,
                requests: report.requests.total, deferred: summary.deferred, summary: report.jsonLine)
        } catch {
            // The report is still printed: what was stored is in the database, and the run row reads as interrupted.
            guard let failure = RunOutcome.databaseFailure(error, path: store.path) else { throw error }
            if !summary.outcome.isConfigurationError { summary.outcome = failure }
            summary.recordStop()
        }
        return (plan, summary, runID)
    }

    /// `progress`, telling each phase's line the whole run's time left when `tellsRunTimeLeft` and a job names a
    /// library: this phase's, then every later phase's at its pace, from the estimate `plan` prints
    /// (``RequestEstimate/seconds(after:)``); a run whose estimate cannot be made shows each phase's own time left,
    /// as without a library.
    private func progressTellingRunTimeLeft(
        _ jobs: JobSet, budgetOverride: (BudgetPolicy) -> BudgetPolicy
    ) async -> @Sendable (RunProgress) -> Void {
        let progress = self.progress
        guard tellsRunTimeLeft, jobs.librarySpec?.library != nil,
            let preview = try? await RunPreview.make(
                jobs, cache: TieredCache(store: store, shared: sharedCatalog), modeRecheck: modeRecheck,
                survey: libraryImport(store, clock, logger), unconfigured: providers.unconfiguredReason,
                providerBudgets: providerBudgets, now: clock.now(), budgetOverride: budgetOverride)
        else { return progress }
        let estimate = RequestEstimate(plan: preview.plan, library: preview.library, providers: preview.providers)
        return { progress($0.withRunRemaining(later: estimate.seconds(after: $0.phase ?? "spotify"))) }
    }

    /// Asks the providers `spec`'s `enrich:` names for what the store lacks or holds stale.
    private func enrich(
        _ spec: JobSpec, deadline: Date?, runID: Int64, progress: @escaping @Sendable (RunProgress) -> Void
    ) async -> [String: ProviderSummary] {
        await ProviderEnrichment(
            store: store, clients: providers, settings: spec.enrichment, freshness: spec.freshness, clock: clock,
            retry: retry, logger: logger, runID: runID, deadline: deadline, budgets: providerBudgets,
            progress: progress, sharedBudget: sharedBudget
        ).run()
    }

    /// Reads the first library the jobs name into the store; nil when none names one.
    private func importLibrary(_ jobs: JobSet) async throws -> LibraryImportResult? {
        guard let source = jobs.librarySpec?.library else { return nil }
        return try await libraryImport(store, clock, logger).run(source)
    }

    /// Matches the files that need it, paced and counted like the catalog requests that follow.
    ///
    /// A matched track is stored from its search with the freshness the plan would fetch it with: its own job's
    /// when a job lists it, else the library spec's.
    private func match(
        _ imported: LibraryImportResult, market: String, jobs: JobSet, budget: BudgetPolicy, startedAt: Date,
        executor: RunExecutor, runID: Int64, progress: @escaping @Sendable (RunProgress) -> Void
    ) async -> (summary: RunSummary, stop: RunOutcome?) {
        var run = RunExecutor.RunState(
            summary: RunSummary(startedAt: startedAt), modes: [:],
            policies: Dictionary(jobs.targets.map { ($0.id, $0.freshness) }, uniquingKeysWith: { first, _ in first }),
            defaultPolicy: jobs.librarySpec?.freshness ?? FreshnessPolicy())
        var library = LibrarySummary(imported)
        var stop: RunOutcome?
        if imported.needingMatching > 0 {
            let files = imported.needingMatching
            let tracker = ProgressTracker(
                itemsTotal: files, requestsPlanned: files, minInterval: budget.minInterval,
                perHour: budget.perHourForRuns, phase: "matching", unit: "files")
            let clock = self.clock
            let pacer = Pacer(
                store: store.ledger, service: Scheduler.spotify, clock: clock, limit: budget.perHourForRuns,
                minInterval: budget.minInterval, runID: runID,
                deadline: budget.maxRuntime.map { startedAt.addingTimeInterval($0) },
                waitsForWindow: budget.maxRuntime != nil,
                dailyLimit: await budget.dailyLimit(
                    learned: try? store.ledger.serviceState(Scheduler.spotify).learnedQuota),
                sharedBudget: sharedBudget, logger: logger,
                onWait: { reason, until in progress(tracker.snapshot(waiting: (reason, until), now: clock.now())) })
            if budget.perHourForRuns <= 0 {
                stop = .deferred(PlanLimit.noBudget.reason)
                library.deferred = imported.needingMatching
            } else {
                var matching = TrackMatching(executor: executor, market: market)
                matching.progress = { done, requests in
                    tracker.update(itemsDone: done, requests: requests, requestsLeft: files - done)
                    progress(tracker.snapshot(waiting: nil, now: clock.now()))
                }
                stop = await matching.run(
                    pacer: pacer, maxRequests: budget.maxRequests, run: &run, library: &library)
            }
            run.summary.waited = await pacer.waited
        }
        run.summary.library = library
        run.summary.finishedAt = clock.now()
        return (run.summary, stop)
    }

    /// Why a provider stopped with keys still due, if one did.
    ///
    /// Keys that failed one by one do not defer the run: they are asked again by the next run anyway, and a
    /// provider's 400 for one odd title would otherwise keep every run from completing.
    static func providerWorkLeft(_ providers: [String: ProviderSummary]) -> String? {
        providers.sorted { $0.key < $1.key }.first { $0.value.unfinished }.map { name, provider in
            "\(name): \(provider.skipped ?? "stopped early")"
        }
    }

    /// The summary of a plan the run did not carry out, because matching had to stop it.
    private static func unexecuted(_ plan: Plan, outcome: RunOutcome, finishedAt: Date) -> RunSummary {
        var summary = RunSummary(startedAt: plan.createdAt)
        summary.alreadyFresh = plan.itemsByState[.fresh] ?? 0
        summary.knownMissing = plan.itemsByState[.knownMissing] ?? 0
        summary.invalid = plan.itemsByState[.invalid] ?? 0
        summary.deferred = plan.itemsThisRun + plan.itemsDeferred
        summary.outcome = outcome
        summary.finishedAt = finishedAt
        return summary
    }
}
