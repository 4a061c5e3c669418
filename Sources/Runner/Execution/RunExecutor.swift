import CacheStore
import Foundation
import Logging
import SpotifyAPI
import SwingCache

/// Carries out a plan: each request paced, sent, classified, and its answer stored with its ledger entry.
///
/// ```swift
/// let executor = RunExecutor(store: store, client: client, clock: SystemClock(), logger: logger)
/// let summary = await executor.execute(plan, jobs: jobs, runID: id)
/// ```
public final class RunExecutor: Sendable {
    public let store: SQLiteCacheStore
    public let client: SpotifyClient
    public let clock: any RunClock
    public let retry: RetryPolicy
    public let logger: Logger
    public let service: String
    private let stopRequested: StopSignal
    private let progress: @Sendable (RunProgress) -> Void
    private let sharedBudget: (any SharedBudget)?
    /// Where answers are written: SQLite, then the shared Redis cache when there is one.
    private let cache: TieredCache

    public init(
        store: SQLiteCacheStore, client: SpotifyClient, clock: any RunClock, retry: RetryPolicy = RetryPolicy(),
        logger: Logger, service: String = Scheduler.spotify, stopSignal: StopSignal = StopSignal(),
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
        self.stopRequested = stopSignal
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
    public func execute(_ plan: Plan, jobs: JobSet, runID: Int64?) async -> RunSummary {
        var run = RunState(
            summary: RunSummary(startedAt: plan.createdAt), modes: plan.serviceState.modes,
            policies: Dictionary(jobs.targets.map { ($0.id, $0.freshness) }, uniquingKeysWith: { first, _ in first }),
            generator: SystemRandomNumberGenerator())
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
            store: store, service: service, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: runID,
            deadline: budget.maxRuntime.map { plan.createdAt.addingTimeInterval($0) },
            waitsForWindow: budget.maxRuntime != nil, sharedBudget: sharedBudget, logger: logger,
            onWait: { reason, until in progress(tracker.snapshot(waiting: (reason, until), now: clock.now())) })
        // A stack: the next item is the last; items pushed back go to the front of the queue.
        var queue: [WorkItem] = plan.requests.reversed().map { planned in
            WorkItem(
                kind: planned.kind, market: planned.market, ids: planned.ids,
                usesBatchEndpoint: run.modes[planned.kind] != .perItem)
        }
        var stopOutcome: RunOutcome?
        var consecutiveFailures = 0

        while let item = queue.popLast() {
            let done =
                run.summary.fetched + run.summary.foundMissing + run.summary.failed + run.summary.invalid
                - (plan.itemsByState[.invalid] ?? 0)
            tracker.update(itemsDone: done, requests: run.summary.requests, requestsLeft: queue.count + 1)
            progress(tracker.snapshot(waiting: nil, now: clock.now()))
            if stopRequested.isSet {
                stopOutcome = .deferred("stopped by a signal")
            } else if let maxRequests = budget.maxRequests, run.summary.requests >= maxRequests {
                stopOutcome = .deferred("max_requests (\(maxRequests)) reached")
            }
            if stopOutcome != nil {
                run.summary.deferred += item.ids.count + queue.reduce(0) { $0 + $1.ids.count }
                break
            }
            switch await perform(item, pacer: pacer, runID: runID, run: &run) {
            case .done:
                consecutiveFailures = 0
            case .splitBatch:
                let half = item.ids.count / 2
                queue.append(
                    WorkItem(
                        kind: item.kind, market: item.market, ids: Array(item.ids[half...]), usesBatchEndpoint: true))
                queue.append(
                    WorkItem(
                        kind: item.kind, market: item.market, ids: Array(item.ids[..<half]), usesBatchEndpoint: true))
            case .batchForbidden:
                switchToPerItem(item.kind, current: item, queue: &queue, run: &run)
            case .failed(let reason):
                consecutiveFailures += 1
                run.summary.failed += item.ids.count
                if run.summary.problems.count < RunSummary.problemLimit {
                    run.summary.problems.append("\(item.request.endpoint) (\(item.ids.count) ids): \(reason)")
                }
                logger.warning(
                    "request failed",
                    metadata: [
                        "endpoint": "\(item.request.endpoint)", "ids": "\(item.ids.count)", "reason": "\(reason)",
                    ])
                if consecutiveFailures >= retry.breakerThreshold {
                    stopOutcome = .serviceUnavailable(
                        "\(consecutiveFailures) requests in a row failed; last: \(reason)")
                    run.summary.deferred += queue.reduce(0) { $0 + $1.ids.count }
                    queue.removeAll()
                }
            case .stop(let outcome):
                stopOutcome = stopRequested.isSet ? .deferred("stopped by a signal") : outcome
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
        var generator: SystemRandomNumberGenerator
    }

    private func finalOutcome(_ stop: RunOutcome?, plan: Plan, summary: RunSummary) -> RunOutcome {
        if let stop { return stop }
        if plan.itemsDeferred > 0, let limit = plan.limitedBy {
            if case .parked(let until, let reason) = limit { return .parked(until: until, reason: reason) }
            return .deferred(PlanWording.reason(limit))
        }
        if summary.failed > 0 { return .deferred("\(summary.failed) items failed and are retried by the next run") }
        return .completed
    }

    /// 403 on a batch endpoint: this app is served one id per request. Remember it, and re-batch the rest of
    /// this kind so no second request is wasted on a batch endpoint.
    private func switchToPerItem(_ kind: EntityKind, current: WorkItem, queue: inout [WorkItem], run: inout RunState) {
        run.modes[kind] = .perItem
        do {
            try store.setMode(.perItem, service: service, kind: kind, learnedAt: clock.now())
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

    private func perform(_ item: WorkItem, pacer: Pacer, runID: Int64?, run: inout RunState) async -> ItemResult {
        let request = item.request
        var attempt = 1
        var renewedToken = false
        while true {
            do {
                try await client.prepareToken()
            } catch {
                switch error {
                case .invalidCredentials(let message): return .stop(.configurationError(message))
                case .unavailable(let message):
                    guard attempt < retry.maxAttempts else { return .failed(message) }
                    attempt += 1
                    if let stop = await backOff(beforeRetry: attempt - 1, pacer: pacer, run: &run) { return stop }
                    continue
                }
            }
            let ledgerID: Int64
            let grantedAt: Date
            do {
                switch try await pacer.acquire(endpoint: request.endpoint) {
                case .granted(let id, let at):
                    ledgerID = id
                    grantedAt = at
                case .refused(let refusal): return .stop(outcome(for: refusal))
                }
            } catch {
                return .stop(.deferred("stopped while waiting"))
            }
            await pacer.markSent(ledgerID: ledgerID, grantedAt: grantedAt, sentAt: clock.now())
            let exchange = await client.fetch(request)
            guard exchange.reachedNetwork else {
                try? store.cancelReservation(ledgerID: ledgerID)
                if case .noToken(.invalidCredentials(let message)) = exchange.answer {
                    return .stop(.configurationError(message))
                }
                continue
            }
            run.summary.requests += 1
            run.summary.responsesByStatus[exchange.status, default: 0] += 1
            logger.debug(
                "\(request.endpoint) \(item.ids.count) ids -> \(exchange.status == 0 ? "no answer" : String(exchange.status))",
                metadata: ["ms": "\(Int(exchange.duration * 1000))", "attempt": "\(attempt)"])

            switch exchange.answer {
            case .found(let entities, let missing):
                do {
                    try await save(
                        entities: entities, missing: missing.map { ($0, .notFound) }, ledgerID: ledgerID,
                        status: exchange.status, run: run)
                } catch {
                    return .stop(.deferred("could not write to the database: \(error)"))
                }
                run.summary.fetched += entities.count
                run.summary.foundMissing += missing.count
                if request.usesBatchEndpoint && run.modes[item.kind] != .batch {
                    run.modes[item.kind] = .batch
                    try? store.setMode(.batch, service: service, kind: item.kind, learnedAt: clock.now())
                }
                return .done
            case .rateLimited(let retryAfter):
                complete(ledgerID, exchange.status)
                run.summary.rateLimited += 1
                let wait = retryAfter ?? retry.backoff(beforeRetry: attempt, using: &run.generator)
                let until = clock.now().addingTimeInterval(wait)
                if wait > retry.retryAfterCeiling {
                    await pacer.park(until: until, reason: "Retry-After \(DurationText.format(wait))")
                    return .stop(.parked(until: until, reason: "Retry-After \(DurationText.format(wait))"))
                }
                await pacer.block(until: until)
                guard attempt < retry.maxAttempts else { return .failed("rate limited \(attempt) times") }
                attempt += 1
                run.summary.retries += 1
            case .quotaExceeded(let retryAfter):
                complete(ledgerID, exchange.status)
                run.summary.rateLimited += 1
                let until = clock.now().addingTimeInterval(retryAfter ?? 24 * 3600)
                await pacer.park(until: until, reason: "QUOTA_EXCEEDED")
                logger.warning("Spotify's quota is spent; no request before \(until)")
                return .stop(.parked(until: until, reason: "QUOTA_EXCEEDED"))
            case .unauthorized:
                complete(ledgerID, exchange.status)
                guard !renewedToken else { return .failed("Spotify refused a freshly issued token") }
                renewedToken = true
                run.summary.retries += 1
            case .batchForbidden:
                complete(ledgerID, exchange.status)
                return .batchForbidden
            case .forbidden(let message):
                complete(ledgerID, exchange.status)
                return .stop(
                    .configurationError(
                        "Spotify refused \(request.endpoint) with 403 (\(message)): the app may be blocked, or its owner may lack Premium"
                    ))
            case .badRequest(let message):
                if item.ids.count > 1 {
                    complete(ledgerID, exchange.status)
                    return .splitBatch
                }
                do {
                    try await save(
                        entities: [], missing: [(item.ids[0], .invalid)], ledgerID: ledgerID, status: exchange.status,
                        run: run)
                } catch {
                    return .stop(.deferred("could not write to the database: \(error)"))
                }
                run.summary.invalid += 1
                logger.warning(
                    "Spotify rejected an id", metadata: ["id": "\(item.ids[0].uri)", "message": "\(message)"])
                return .done
            case .serverError, .transportFailed:
                complete(ledgerID, exchange.status)
                guard attempt < retry.maxAttempts else { return .failed(describe(exchange)) }
                attempt += 1
                if let stop = await backOff(beforeRetry: attempt - 1, pacer: pacer, run: &run) { return stop }
            case .unexpectedStatus, .malformed:
                complete(ledgerID, exchange.status)
                return .failed(describe(exchange))
            case .noToken:
                continue
            }
        }
    }

    private func backOff(beforeRetry retryNumber: Int, pacer: Pacer, run: inout RunState) async -> ItemResult? {
        run.summary.retries += 1
        do {
            try await pacer.backOff(for: retry.backoff(beforeRetry: retryNumber, using: &run.generator))
            return nil
        } catch {
            return .stop(.deferred("stopped while backing off"))
        }
    }

    private func save(
        entities: [CatalogEntity], missing: [(id: SpotifyID, reason: MissingReason)], ledgerID: Int64, status: Int,
        run: RunState
    ) async throws {
        let fetchedAt = clock.now()
        let policies = run.policies
        try await cache.save(
            FetchRecord(
                entities: entities, missing: missing, request: .complete(ledgerID: ledgerID, status: status),
                fetchedAt: fetchedAt,
                expiresAt: { fetchedAt.addingTimeInterval((policies[$0] ?? FreshnessPolicy()).ttl) },
                missingExpiresAt: { fetchedAt.addingTimeInterval((policies[$0] ?? FreshnessPolicy()).missingTTL) }),
            now: fetchedAt)
    }

    private func complete(_ ledgerID: Int64, _ status: Int) {
        do {
            try store.completeRequest(ledgerID: ledgerID, status: status)
        } catch {
            logger.error("could not record a request's status", metadata: ["error": "\(error)"])
        }
    }

    private func outcome(for refusal: Pacer.Refusal) -> RunOutcome {
        switch refusal {
        case .parked(let until, let reason): .parked(until: until, reason: reason)
        case .hourlyQuota: .deferred(PlanWording.reason(.hourlyQuota))
        case .deadline: .deferred("max_runtime reached")
        }
    }

    private func describe(_ exchange: SpotifyExchange) -> String {
        switch exchange.answer {
        case .serverError(let status): "Spotify answered \(status)"
        case .unexpectedStatus(let status): "Spotify answered an unexpected \(status)"
        case .transportFailed(let message): "no answer (\(message))"
        case .malformed(let reason): "a malformed answer: \(reason)"
        default: "status \(exchange.status)"
        }
    }
}
