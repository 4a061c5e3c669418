import CacheStore
import EnrichmentAPI
import Foundation
import Logging
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
    var store: SQLiteCacheStore
    var clients: ProviderClients
    var settings: EnrichmentSettings
    var freshness: FreshnessPolicy
    var clock: any RunClock
    var retry: RetryPolicy
    var logger: Logger
    var runID: Int64
    var deadline: Date?
    var budgets = ProviderBudgetDefaults.standard
    var stopSignal: StopSignal
    /// Told before each key a provider is asked about, and when a wait begins.
    var progress: @Sendable (RunProgress) -> Void = { _ in }
    /// The budgets shared with other runners (Redis), when configured: each provider's under its own name.
    var sharedBudget: (any SharedBudget)?

    /// Enriches every enabled provider in turn; returns what each did.
    func run() async -> [String: ProviderSummary] {
        var summaries: [String: ProviderSummary] = [:]
        for provider in EnrichmentSettings.Provider.allCases where settings.isEnabled(provider) {
            var summary = ProviderSummary()
            if stopSignal.isSet {
                summary.skipped = "stopped by a signal"
                summary.unfinished = true
            } else {
                switch provider {
                case .lastfm: await enrichLastfm(&summary)
                case .musicbrainz: await enrichMusicBrainz(&summary)
                case .listenbrainz: await enrichListenBrainz(&summary)
                case .links: await enrichLinks(&summary)
                }
            }
            summaries[provider.rawValue] = summary
        }
        return summaries
    }

    /// The pipeline of `provider`'s requests: paced by its budget, stopped at the `max_requests` the spec's
    /// `setting` gives, telling `tracker`'s progress when it waits.
    func pipeline(for provider: ProviderName, setting: EnrichmentSettings.Provider, tracker: ProgressTracker)
        -> OutboundPipeline
    {
        let budget = settings.budget(for: provider, defaults: budgets)
        let (clock, progress) = (self.clock, self.progress)
        let pacer = Pacer(
            store: store, service: provider.serviceName, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: runID, deadline: deadline, waitsForWindow: deadline != nil,
            sharedBudget: sharedBudget, logger: logger,
            onWait: { reason, until in progress(tracker.snapshot(waiting: (reason, until), now: clock.now())) })
        return OutboundPipeline(
            service: provider.displayName, pacer: pacer, store: store, clock: clock, retry: retry,
            throttle: provider.throttle, logger: logger, requestLimit: settings.budgets[setting]?.maxRequests)
    }

    /// The progress of asking `provider` about `total` keys, shown as `phase`.
    func tracker(_ provider: ProviderName, phase: EnrichmentSettings.Provider, total: Int, unit: String = "keys")
        -> ProgressTracker
    {
        let budget = settings.budget(for: provider, defaults: budgets)
        return ProgressTracker(
            itemsTotal: total, requestsPlanned: total, minInterval: budget.minInterval,
            perHour: budget.perHourForRuns, phase: phase.rawValue, unit: unit)
    }

    /// Tells how far `tracker`'s provider is: `done` of its keys asked, with the requests its summary counts.
    func report(_ tracker: ProgressTracker, done: Int, total: Int, summary: ProviderSummary) {
        tracker.update(itemsDone: done, requests: summary.requests, requestsLeft: total - done)
        progress(tracker.snapshot(waiting: nil, now: clock.now()))
    }

    /// The keys among `keys` whose stored fact is absent or stale at `now`.
    func needingFetch(_ keys: [EnrichmentKey], now: Date, summary: inout ProviderSummary) throws -> Set<EnrichmentKey> {
        let states = try store.enrichmentStates(for: keys)
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

    func ttl(_ provider: EnrichmentSettings.Provider) -> TimeInterval {
        settings.ttls[provider] ?? provider.defaultTTL
    }

    /// Logs and records that `provider` is not called in this run.
    func skip(_ provider: ProviderName, _ reason: String, _ summary: inout ProviderSummary) {
        logger.notice("\(provider.displayName) skipped: \(reason)")
        summary.skipped = reason
    }

    /// Logs and records that `provider` stopped before asking for everything due: the next run asks for the rest.
    func leaveForNextRun(_ provider: ProviderName, _ reason: String, _ summary: inout ProviderSummary) {
        logger.notice("\(provider.displayName) stopped for this run: \(reason)")
        summary.skipped = reason
        summary.unfinished = true
    }

    /// Logs and records that `provider` was switched off for the rest of the run.
    func disable(_ provider: ProviderName, _ reason: String, _ summary: inout ProviderSummary) {
        logger.warning("\(provider.displayName) disabled for this run: \(reason)")
        summary.skipped = "disabled: \(reason)"
    }

    /// Writes `record` (whose request completes `ledgerID`); false when the database refused it.
    func save(_ record: EnrichmentRecord, provider: ProviderName, summary: inout ProviderSummary) -> Bool {
        do {
            try store.save(record)
            return true
        } catch {
            logger.error(
                "could not write \(provider.displayName) facts", metadata: ["error": "\(error)"])
            summary.failed += 1
            return false
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
    func next<Answer>(
        _ ending: OutboundPipeline.Ending<Answer>, _ pipeline: OutboundPipeline, _ provider: ProviderName,
        _ item: String, _ summary: inout ProviderSummary
    ) -> Next<Answer> {
        switch ending {
        case .answered(let answer, .skip, let ledgerID, let status):
            pipeline.complete(ledgerID, status)
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request skipped", metadata: ["item": "\(item)", "reason": "\(answer)"])
        case .answered(let answer, _, let ledgerID, let status):
            return .use(answer, ledgerID: ledgerID, status: status)
        case .notSent(let reason):
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request skipped", metadata: ["item": "\(item)", "reason": "\(reason)"])
        case .failed(let reason):
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
        case .answered, .notSent, .failed: false
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
    func budget(for provider: ProviderName, defaults: ProviderBudgetDefaults) -> BudgetPolicy {
        let setting: Provider? =
            switch provider {
            case .lastfm: .lastfm
            case .musicbrainz: .musicbrainz
            case .listenbrainz: .listenbrainz
            case .deezer: .links
            // Odesli's key is allow-listed with its own terms; the spec's `links` budget is Deezer's.
            case .odesli: nil
            }
        guard let setting, let override = budgets[setting] else { return defaults[provider] }
        return override.applied(to: defaults[provider])
    }
}
