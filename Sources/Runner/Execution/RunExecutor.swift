import CacheStore
import Foundation
import Logging
import Outbound
import ServiceLifecycle
import SharedTier
import SpotifyAPI
import SwingCache

/// Carries out a plan: each request paced, sent, classified, and its answer stored with its ledger entry.
///
/// ```swift
/// let executor = RunExecutor(store: store, client: client, clock: SystemClock(), logger: logger)
/// let summary = await executor.execute(plan, jobs: jobs, runID: id)
/// ```
package final class RunExecutor: Sendable {
    package let store: AppDatabase
    package let client: SpotifyClient
    package let clock: any RunClock
    package let retry: RetryPolicy
    package let logger: Logger
    package let service: String
    private let progress: @Sendable (RunProgress) -> Void
    let sharedBudget: (any SharedBudget)?
    /// Where answers are written: SQLite, then the shared Redis cache when there is one.
    private let cache: TieredCache

    package init(
        store: AppDatabase, client: SpotifyClient, clock: any RunClock, retry: RetryPolicy = RetryPolicy(),
        logger: Logger, service: String = Scheduler.spotify,
        progress: @escaping @Sendable (RunProgress) -> Void = { _ in }, sharedBudget: (any SharedBudget)? = nil,
        sharedCatalog: SharedCatalog? = nil
    ) {
        cache = TieredCache(store: store, shared: sharedCatalog)
        self.progress = progress
        self.sharedBudget = sharedBudget
        self.store = store
        self.client = client
        self.clock = clock
        self.retry = retry
        self.logger = logger
        self.service = service
    }

    /// One request still to make: like a planned request, but its endpoint may change as the run learns.
    struct WorkItem {
        var kind: EntityKind
        var market: String
        var ids: [SpotifyID]
        var usesBatchEndpoint: Bool

        var request: CatalogRequest {
            CatalogRequest(kind: kind, ids: ids, market: market, usesBatchEndpoint: usesBatchEndpoint)
        }
    }

    enum ItemResult {
        case done
        case splitBatch
        case batchForbidden
        case failed(String)
        case stop(RunOutcome)
    }

    /// Executes `plan`, made for `jobs` at the run's start, and says what happened.
    package func execute(_ plan: Plan, jobs: JobSet, runID: Int64?) async -> RunSummary {
        var run = RunState(
            summary: RunSummary(startedAt: plan.createdAt), modes: plan.serviceState.modes,
            policies: Dictionary(jobs.targets.map { ($0.id, $0.freshness) }, uniquingKeysWith: { first, _ in first }))
        run.summary.alreadyFresh = plan.itemsByState[.fresh] ?? 0
        run.summary.knownMissing = plan.itemsByState[.knownMissing] ?? 0
        run.summary.invalid = plan.itemsByState[.invalid] ?? 0
        run.summary.deferred = plan.itemsDeferred

        let budget = plan.budget
        let tracker = ProgressTracker(
            itemsTotal: plan.itemsThisRun, requestsPlanned: plan.requests.count, minInterval: budget.minInterval,
            perHour: budget.perHourForRuns)
        let clock = self.clock
        let progress = self.progress
        let pacer = Pacer(
            store: store.ledger, service: service, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: runID,
            deadline: budget.maxRuntime.map { plan.createdAt.addingTimeInterval($0) },
            waitsForWindow: budget.maxRuntime != nil,
            dailyLimit: budget.dailyLimit(learned: plan.serviceState.learnedQuota), sharedBudget: sharedBudget,
            logger: logger,
            onWait: { reason, until in progress(tracker.snapshot(waiting: (reason, until), now: clock.now())) })
        // A stack: the next item is the last; items pushed back go to the front of the queue.
        var queue: [WorkItem] = plan.requests.reversed().map { planned in
            WorkItem(
                kind: planned.kind, market: planned.market, ids: planned.ids,
                usesBatchEndpoint: run.modes[planned.kind] != .perItem)
        }
        var spotify = spotifyPipeline(pacer: pacer)
        var stopOutcome: RunOutcome?

        while let item = queue.popLast() {
            let done =
                run.summary.fetched + run.summary.foundMissing + run.summary.failed + run.summary.invalid
                - (plan.itemsByState[.invalid] ?? 0)
            tracker.update(itemsDone: done, requests: run.summary.requests, requestsLeft: queue.count + 1)
            progress(tracker.snapshot(waiting: nil, now: clock.now()))
            if Task.isShuttingDownGracefully {
                stopOutcome = .deferred("stopped by a signal during the Spotify requests")
            } else if let maxRequests = budget.maxRequests, run.summary.requests >= maxRequests {
                stopOutcome = .deferred("max_requests (\(maxRequests)) reached")
            }
            if stopOutcome != nil {
                run.summary.deferred += item.ids.count + queue.reduce(0) { $0 + $1.ids.count }
                break
            }
            switch await perform(item, pipeline: &spotify, run: &run) {
            case .done:
                break
            case .splitBatch:
                let half = item.ids.count / 2
                queue.append(
                    WorkItem(
                        kind: item.kind, market: item.market, ids: Array(item.ids[half...]), usesBatchEndpoint: true))
                queue.append(
                    WorkItem(
                        kind: item.kind, market: item.market, ids: Array(item.ids[..<half]), usesBatchEndpoint: true))
            case .batchForbidden:
                await switchToPerItem(item.kind, current: item, queue: &queue, run: &run)
            case .failed(let reason):
                recordFailure(of: item, reason: reason, run: &run)
            case .stop(.serviceUnavailable(let reason)):
                // The breaker: this item failed like the ones before it; the rest waits for a later run.
                recordFailure(of: item, reason: reason, run: &run)
                stopOutcome = .serviceUnavailable(reason)
                run.summary.deferred += queue.reduce(0) { $0 + $1.ids.count }
                queue.removeAll()
            case .stop(let outcome):
                stopOutcome =
                    Task.isShuttingDownGracefully
                    ? .deferred("stopped by a signal during the Spotify requests") : outcome
                run.summary.deferred += item.ids.count + queue.reduce(0) { $0 + $1.ids.count }
                queue.removeAll()
            }
        }

        run.summary.waited = await pacer.waited
        run.summary.tokenFetches = await client.tokens.fetchCount
        run.summary.finishedAt = clock.now()
        run.summary.outcome = finalOutcome(stopOutcome, plan: plan, summary: run.summary)
        return run.summary
    }

    struct RunState {
        var summary: RunSummary
        var modes: [EntityKind: ServiceMode]
        var policies: [SpotifyID: FreshnessPolicy]
        /// The freshness of an entity no job lists: a library match's track, stored from its search.
        var defaultPolicy = FreshnessPolicy()
    }

    /// The pipeline every Spotify request of a run goes through, paced by `pacer`; a token is held before each slot.
    func spotifyPipeline(pacer: Pacer) -> OutboundPipeline {
        let tokens = client
        return OutboundPipeline(
            service: "Spotify", pacer: pacer, store: store.ledger, clock: clock, retry: retry,
            throttle: SpotifyAnswer.throttle, logger: logger
        ) {
            do throws(TokenError) {
                try await tokens.prepareToken()
                return .authorized
            } catch {
                switch error {
                case .invalidCredentials(let message): return .refused(message)
                case .unavailable(let message): return .unavailable(message)
                }
            }
        }
    }

    private func recordFailure(of item: WorkItem, reason: String, run: inout RunState) {
        run.summary.failed += item.ids.count
        if run.summary.problems.count < RunSummary.problemLimit {
            run.summary.problems.append("\(item.request.endpoint) (\(item.ids.count) ids): \(reason)")
        }
        logger.warning(
            "request failed",
            metadata: ["endpoint": "\(item.request.endpoint)", "ids": "\(item.ids.count)", "reason": "\(reason)"])
    }

    private func finalOutcome(_ stop: RunOutcome?, plan: Plan, summary: RunSummary) -> RunOutcome {
        if let stop { return stop }
        if plan.itemsDeferred > 0, let limit = plan.limitedBy {
            if case .parked(let until, let reason) = limit { return .parked(until: until, reason: reason) }
            return .deferred(limit.reason)
        }
        if summary.failed > 0 { return .deferred("\(summary.failed) items failed and are retried by the next run") }
        return .completed
    }

    /// 403 on a batch endpoint: this app is served one id per request. Remember it, and re-batch the rest of
    /// this kind so no second request is wasted on a batch endpoint.
    private func switchToPerItem(_ kind: EntityKind, current: WorkItem, queue: inout [WorkItem], run: inout RunState)
        async
    {
        run.modes[kind] = .perItem
        do {
            try await store.ledger.setMode(.perItem, service: service, kind: kind, learnedAt: clock.now())
        } catch {
            logger.error("could not remember the per-item mode", metadata: ["error": "\(error)"])
        }
        run.summary.modeChanges.append("\(kind.plural): per-item (batch endpoint answered 403)")
        logger.notice("Spotify serves \(kind.plural) one per request to this app; switching to per-item requests")
        let pending = [current] + queue.reversed()
        let rebatched = pending.flatMap { item -> [WorkItem] in
            guard item.kind == kind else { return [item] }
            return item.ids.map { WorkItem(kind: kind, market: item.market, ids: [$0], usesBatchEndpoint: false) }
        }
        queue = rebatched.reversed()
    }

    /// The ids of a request as `-v` shows them: every id of a batch, so a person can find the one that failed.
    static func detail(of ids: [SpotifyID]) -> String {
        ids.count == 1 ? ids[0].value : "\(ids.count) ids \(ids.map(\.value).joined(separator: ","))"
    }

    private func perform(_ item: WorkItem, pipeline: inout OutboundPipeline, run: inout RunState) async -> ItemResult {
        let request = item.request
        let client = self.client
        let describe = { (exchange: SpotifyExchange<CatalogRequest>) in
            Self.describe(exchange, endpoint: request.endpoint)
        }
        let ending = await pipeline.send(
            endpoint: request.endpoint, detail: Self.detail(of: item.ids), tally: &run.summary, describe: describe
        ) {
            await client.fetch(request)
        }
        let answer: SpotifyAnswer
        let ledgerID: Int64
        let status: Int
        switch ending {
        case .answered(let answered, _, let id, let answeredStatus):
            answer = answered
            ledgerID = id
            status = answeredStatus
        case .notSent(let reason), .failed(let reason), .effectUnknown(let reason): return .failed(reason)
        case .disabled(let reason): return .stop(.configurationError(reason))
        case .stopped(let outcome): return .stop(outcome)
        }
        switch answer {
        case .found(let entities, let missing):
            do {
                try await save(
                    entities: entities, missing: missing.map { ($0, .notFound) }, ledgerID: ledgerID,
                    status: status, run: run)
            } catch {
                return .stop(writeFailure(error))
            }
            run.summary.fetched += entities.count
            run.summary.foundMissing += missing.count
            if request.usesBatchEndpoint && run.modes[item.kind] != .batch {
                run.modes[item.kind] = .batch
                try? await store.ledger.setMode(.batch, service: service, kind: item.kind, learnedAt: clock.now())
            }
            return .done
        case .batchForbidden:
            await pipeline.complete(ledgerID, status)
            return .batchForbidden
        case .badRequest(let message):
            if item.ids.count > 1 {
                await pipeline.complete(ledgerID, status)
                return .splitBatch
            }
            do {
                try await save(
                    entities: [], missing: [(item.ids[0], .invalid)], ledgerID: ledgerID, status: status,
                    run: run)
            } catch {
                return .stop(writeFailure(error))
            }
            run.summary.invalid += 1
            logger.warning(
                "Spotify rejected an id", metadata: ["id": "\(item.ids[0].uri)", "message": "\(message)"])
            return .done
        default:
            await pipeline.complete(ledgerID, status)
            let reason = "an unexpected answer: \(answer)"
            let verdict: OutboundPipeline.Ending<SpotifyAnswer> = pipeline.registerFailure(reason)
            if case .stopped(let outcome) = verdict { return .stop(outcome) }
            return .failed(reason)
        }
    }

    /// How the run stops when an answer could not be written.
    func writeFailure(_ error: any Error) -> RunOutcome {
        .databaseFailure(error, path: store.path) ?? .deferred("could not write to the database: \(error)")
    }

    private func save(
        entities: [CatalogEntity], missing: [(id: SpotifyID, reason: MissingReason)], ledgerID: Int64, status: Int,
        run: RunState
    ) async throws {
        let record = fetchRecord(
            entities: entities, missing: missing, ledgerID: ledgerID, status: status, fetchedAt: clock.now(), run: run)
        try await cache.save(record, now: record.fetchedAt)
    }

    /// Writes matcher decisions with `track`, the chosen candidate as the search answer held it, stored as its
    /// catalog entry: the row `GET /tracks/{id}` would have written, fetched when the search was answered.
    func save(
        _ matches: [TrackMatchRecord], track: Track, ledgerID: Int64, status: Int, fetchedAt: Date, run: RunState
    ) async throws {
        let record = fetchRecord(
            entities: [.track(track)], missing: [], ledgerID: ledgerID, status: status, fetchedAt: fetchedAt, run: run)
        try await cache.save(matches, fetched: record, now: fetchedAt)
    }

    private func fetchRecord(
        entities: [CatalogEntity], missing: [(id: SpotifyID, reason: MissingReason)], ledgerID: Int64, status: Int,
        fetchedAt: Date, run: RunState
    ) -> FetchRecord {
        let (policies, fallback, modes) = (run.policies, run.defaultPolicy, run.modes)
        return FetchRecord(
            entities: entities, missing: missing, request: .complete(ledgerID: ledgerID, status: status),
            fetchedAt: fetchedAt,
            expiresAt: { fetchedAt.addingTimeInterval((policies[$0] ?? fallback).ttl) },
            missingExpiresAt: { fetchedAt.addingTimeInterval((policies[$0] ?? fallback).missingTTL) },
            changeAwarePolicy: { id in
                let policy = policies[id] ?? fallback
                return modes[id.kind] == .perItem ? policy.inDevelopmentMode : policy
            })
    }
}
