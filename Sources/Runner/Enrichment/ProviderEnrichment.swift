import CacheStore
import EnrichmentAPI
import Foundation
import Logging
import Outbound
import ServiceLifecycle
import SharedTier
import SwingCache

/// Fetches what the providers the job's `enrich:` names know about the library's tracks, where the stored fact is
/// absent or stale.
///
/// Runs after matching and the Spotify catalog phase, so a matched track's ISRC is known. Providers go one after
/// the other (Last.fm, MusicBrainz, ListenBrainz, links), each behind a ``Pacer`` of its own service name and budget:
/// every request is in the ledger, completed in the transaction that writes its facts, and with Redis in the shared
/// budget, so runners on several hosts keep one pace per provider. A provider that is not
/// configured is skipped with one log line; one that refuses the run's key is switched off for the run.
struct ProviderEnrichment {
    var store: AppDatabase
    var clients: ProviderClients
    var settings: EnrichmentSettings
    var freshness: FreshnessPolicy
    var clock: any RunClock
    var retry: RetryPolicy
    var logger: Logger
    var runID: Int64
    var deadline: Date?
    var budgets = ProviderBudgetDefaults.standard
    /// Told before each key a provider is asked about, and when a wait begins.
    var progress: @Sendable (RunProgress) -> Void = { _ in }
    /// The budgets shared with other runners (Redis), when configured: each provider's under its own name.
    var sharedBudget: (any SharedBudget)?

    /// Enriches every enabled provider in turn, in the order of ``ProviderDeclaration/registered``; returns what each
    /// did, by its `enrich:` key.
    func run() async -> [String: ProviderSummary] {
        var summaries: [String: ProviderSummary] = [:]
        let context = ProviderRunContext(settings: settings)
        for declaration in ProviderDeclaration.registered where settings.isEnabled(declaration.provider) {
            let provider = declaration.provider
            var summary = ProviderSummary()
            if Task.isShuttingDownGracefully {
                summary.skipped = "stopped by a signal"
                summary.unfinished = true
            } else if let client = clients[provider] {
                await enrich(with: declaration.enrichers(client, context), &summary)
            } else {
                skip(provider, ProviderConfiguration.missingSetting(for: provider), &summary)
            }
            summaries[provider.enrichKey] = summaries[provider.enrichKey].map { $0.adding(summary) } ?? summary
        }
        return summaries
    }

    /// Runs one provider's enrichers in order, each while the provider is not stopped. The requests of the later ones
    /// (MusicBrainz's search for files without an ISRC) count in the time the first one shows left.
    func enrich(with enrichers: [any ProviderEnricher], _ summary: inout ProviderSummary) async {
        for (index, enricher) in enrichers.enumerated() {
            if index > 0, summary.skipped != nil { return }
            var later = 0
            for laterEnricher in enrichers.dropFirst(index + 1) { later += await requestsDue(laterEnricher) }
            await enrich(with: enricher, &summary, before: later)
        }
    }

    /// Asks `enricher`'s provider about every key whose stored fact is absent or stale, a batch at a time, and
    /// writes the facts of each answer with its ledger entry; `later` requests of the same provider follow it.
    func enrich<Enricher: ProviderEnricher>(
        with enricher: Enricher, _ summary: inout ProviderSummary, before later: Int = 0
    ) async {
        let provider = enricher.provider
        let pending: [Enricher.Key]
        do {
            pending = try await pendingKeys(enricher, summary: &summary)
        } catch {
            return leaveForNextRun(provider, "could not read the library from the database: \(error)", &summary)
        }
        let tracker = tracker(
            provider, total: pending.count, unit: enricher.unit, requestsPerKey: enricher.requestsPerKey,
            later: later)
        var pipeline = pipeline(for: provider, tracker: tracker)
        let lifetimes = FactLifetimes(ttl: ttl(provider), missingTTL: freshness.missingTTL)
        for start in stride(from: 0, to: pending.count, by: enricher.batchSize) {
            if Task.isShuttingDownGracefully { return leaveForNextRun(provider, "stopped by a signal", &summary) }
            report(
                tracker, done: start, total: pending.count, summary: summary, requestsPerKey: enricher.requestsPerKey,
                later: later)
            let batch = Array(pending[start..<min(pending.count, start + enricher.batchSize)])
            let earliest = enricher.earliestStart(now: clock.now())
            if earliest > clock.now() { await pipeline.pacer.block(until: earliest) }
            let request = enricher.request(for: batch)
            let ending = await pipeline.send(
                endpoint: request.endpoint, detail: request.detail, tally: &summary, maxRetries: enricher.maxRetries,
                describe: { enricher.describe($0) ?? "\($0.answer)" }, request.send)
            guard
                case .use(let answer, let ledgerID, let status) = await next(
                    ending, pipeline, provider, request, &summary)
            else {
                if stopped(ending) { return }
                continue
            }
            switch enricher.step(after: answer, for: batch, lifetimes: lifetimes, now: clock.now()) {
            case .write(let facts):
                await save(facts, completing: ledgerID, status, provider: provider, summary: &summary)
            case .ask(let detailRequest, let then):
                await pipeline.complete(ledgerID, status)
                let detail = await pipeline.send(
                    endpoint: detailRequest.endpoint, detail: detailRequest.detail, tally: &summary,
                    maxRetries: enricher.maxRetries, detailRequest.send)
                guard
                    case .use(let detailAnswer, let detailID, let detailStatus) = await next(
                        detail, pipeline, provider, detailRequest, &summary)
                else {
                    if stopped(detail) { return }
                    continue
                }
                await save(
                    then(detailAnswer, clock.now()), completing: detailID, detailStatus, provider: provider,
                    summary: &summary)
            }
        }
    }

    /// The pipeline of `provider`'s requests: paced by its budget, stopped at the spec's `max_requests`, telling
    /// `tracker`'s progress when it waits.
    func pipeline(for provider: Provider, tracker: ProgressTracker) -> OutboundPipeline {
        let budget = settings.budget(for: provider, defaults: budgets)
        let (clock, progress) = (self.clock, self.progress)
        let pacer = Pacer(
            store: store.ledger, service: provider.serviceName, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: runID, deadline: deadline, waitsForWindow: deadline != nil,
            sharedBudget: sharedBudget, logger: logger,
            onWait: { reason, until in progress(tracker.snapshot(waiting: (reason, until), now: clock.now())) })
        return OutboundPipeline(
            service: provider.displayName, pacer: pacer, store: store.ledger, clock: clock, retry: retry,
            throttle: provider.throttle, logger: logger, requestLimit: settings.budgets[provider]?.maxRequests)
    }

    /// The keys of `enricher` whose stored fact is absent or stale, counting the fresh ones in `summary`.
    func pendingKeys<Enricher: ProviderEnricher>(
        _ enricher: Enricher, summary: inout ProviderSummary
    ) async throws -> [Enricher.Key] {
        let keys = try await enricher.keys(in: store.facts)
        let wanted = try await needingFetch(keys.compactMap(enricher.storeKey), now: clock.now(), summary: &summary)
        return keys.filter { enricher.storeKey(for: $0).map(wanted.contains) ?? true }
    }

    /// The most requests `enricher` would send now, `requestsPerKey` for each pending key; 0 when unreadable.
    func requestsDue<Enricher: ProviderEnricher>(_ enricher: Enricher) async -> Int {
        var uncounted = ProviderSummary()
        return ((try? await pendingKeys(enricher, summary: &uncounted))?.count ?? 0) * enricher.requestsPerKey
    }

    /// The progress of asking `provider` about `total` keys, `requestsPerKey` requests each and `later` requests after
    /// them, shown as its `enrich:` key.
    func tracker(
        _ provider: Provider, total: Int, unit: String, requestsPerKey: Int = 1, later: Int = 0
    ) -> ProgressTracker {
        let budget = settings.budget(for: provider, defaults: budgets)
        return ProgressTracker(
            itemsTotal: total, requestsPlanned: total * requestsPerKey + later, minInterval: budget.minInterval,
            perHour: budget.perHourForRuns, phase: provider.enrichKey, unit: unit)
    }

    /// Tells how far `tracker`'s provider is: `done` of its keys asked, with the requests its summary counts, and
    /// `requestsPerKey` for each key left, then `later` requests after them.
    func report(
        _ tracker: ProgressTracker, done: Int, total: Int, summary: ProviderSummary, requestsPerKey: Int = 1,
        later: Int = 0
    ) {
        tracker.update(
            itemsDone: done, requests: summary.requests, requestsLeft: (total - done) * requestsPerKey + later)
        progress(tracker.snapshot(waiting: nil, now: clock.now()))
    }

    /// The keys among `keys` whose stored fact is absent or stale at `now`.
    func needingFetch(_ keys: [EnrichmentKey], now: Date, summary: inout ProviderSummary) async throws -> Set<
        EnrichmentKey
    > {
        let states = try await store.facts.enrichmentStates(for: keys)
        var wanted: Set<EnrichmentKey> = []
        for key in keys {
            if states[key]?.holds(at: now) == true {
                summary.fresh += 1
            } else {
                wanted.insert(key)
            }
        }
        return wanted
    }

    func ttl(_ provider: Provider) -> TimeInterval {
        settings.ttls[provider] ?? provider.defaultTTL
    }

    /// Logs and records that `provider` is not called in this run.
    func skip(_ provider: Provider, _ reason: String, _ summary: inout ProviderSummary) {
        logger.notice("\(provider.displayName) skipped: \(reason)")
        summary.skipped = reason
    }

    /// Logs and records that `provider` stopped before asking for everything due: the next run asks for the rest.
    func leaveForNextRun(_ provider: Provider, _ reason: String, _ summary: inout ProviderSummary) {
        logger.notice("\(provider.displayName) stopped for this run: \(reason)")
        summary.skipped = reason
        summary.unfinished = true
    }

    /// Logs and records that `provider` was switched off for the rest of the run.
    func disable(_ provider: Provider, _ reason: String, _ summary: inout ProviderSummary) {
        logger.warning("\(provider.displayName) disabled for this run: \(reason)")
        summary.skipped = "disabled: \(reason)"
    }

    /// Writes `facts`, completing `ledgerID` with them, and counts them.
    func save(
        _ facts: EnrichmentFacts, completing ledgerID: Int64, _ status: Int, provider: Provider,
        summary: inout ProviderSummary
    ) async {
        let record = EnrichmentRecord(facts.facts, request: .complete(ledgerID: ledgerID, status: status))
        do {
            try await store.facts.save(record)
            summary.stored += facts.stored
            summary.missing += facts.missing
        } catch {
            logger.error(
                "could not write \(provider.displayName) facts", metadata: ["error": "\(error)"])
            summary.failed += 1
        }
    }

    /// What an enricher does after one request.
    enum Next<Answer> {
        /// Write what the answer says, completing `ledgerID` with it.
        case use(Answer, ledgerID: Int64, status: Int)
        /// This key is done with (failed, skipped), or the provider stopped: see ``stopped(_:)``.
        case skip
    }

    /// Counts an ending that gives nothing to write, and says whether there is an answer to use.
    func next<Answer, Exchange>(
        _ ending: OutboundPipeline.Ending<Answer>, _ pipeline: OutboundPipeline, _ provider: Provider,
        _ request: EnrichmentRequest<Exchange>, _ summary: inout ProviderSummary
    ) async -> Next<Answer> {
        let item = request.detail
        switch ending {
        case .answered(let answer, .skip, let ledgerID, let status):
            await pipeline.complete(ledgerID, status)
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request skipped", metadata: ["item": "\(item)", "reason": "\(answer)"])
        case .answered(let answer, _, let ledgerID, let status):
            return .use(answer, ledgerID: ledgerID, status: status)
        case .notSent(let reason):
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request skipped", metadata: ["item": "\(item)", "reason": "\(reason)"])
        case .failed(let reason), .effectUnknown(let reason):
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request failed", metadata: ["item": "\(item)", "reason": "\(reason)"])
        case .disabled(let reason), .stopped(.configurationError(let reason)):
            disable(provider, reason, &summary)
        case .stopped(.serviceUnavailable(let reason)):
            summary.failed += 1
            leaveForNextRun(provider, reason, &summary)
        case .stopped(let outcome):
            leaveForNextRun(provider, Self.describe(outcome), &summary)
        }
        return .skip
    }

    /// Whether `ending` stops the provider for the rest of the run.
    func stopped<Answer>(_ ending: OutboundPipeline.Ending<Answer>) -> Bool {
        switch ending {
        case .disabled, .stopped: true
        case .answered, .notSent, .failed, .effectUnknown: false
        }
    }

    /// Why a provider stopped, for its summary.
    static func describe(_ outcome: RunOutcome) -> String {
        switch outcome {
        case .parked(let until, let reason): "parked until \(until)\(reason.map { " (\($0))" } ?? "")"
        case .deferred(let why), .serviceUnavailable(let why), .configurationError(let why): why
        case .completed: "completed"
        }
    }
}

extension EnrichmentSettings {
    /// The budget of `provider`: its default, with what the spec's `enrich:` changes of it.
    package func budget(for provider: Provider, defaults: ProviderBudgetDefaults) -> BudgetPolicy {
        guard let override = budgets[provider] else { return defaults[provider] }
        return override.applied(to: defaults[provider])
    }
}

extension ProviderSummary {
    /// This summary with what a second provider under the same `enrich:` key did (Odesli after Deezer): its
    /// counts, and its stop when it left keys for the next run.
    func adding(_ other: ProviderSummary) -> ProviderSummary {
        var sum = self
        sum.requests += other.requests
        sum.byStatus.merge(other.byStatus, uniquingKeysWith: +)
        sum.rateLimited += other.rateLimited
        sum.retries += other.retries
        sum.stored += other.stored
        sum.missing += other.missing
        sum.fresh += other.fresh
        sum.failed += other.failed
        if other.unfinished {
            sum.skipped = sum.skipped ?? other.skipped
            sum.unfinished = true
        }
        return sum
    }
}
