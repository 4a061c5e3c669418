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

    /// The request loop of `provider`'s requests, which stops at the spec's `max_requests` for it.
    func loop(_ provider: EnrichmentSettings.Provider) -> ProviderRequestLoop {
        ProviderRequestLoop(
            store: store, clock: clock, retry: retry, logger: logger,
            maxRequests: settings.budgets[provider]?.maxRequests)
    }

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

    /// The pacer of `provider`'s requests, which tells `tracker`'s progress when it waits.
    func pacer(for provider: ProviderName, tracker: ProgressTracker) -> Pacer {
        let budget = settings.budget(for: provider, defaults: budgets)
        let (clock, progress) = (self.clock, self.progress)
        return Pacer(
            store: store, service: provider.serviceName, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: runID, deadline: deadline, waitsForWindow: deadline != nil,
            sharedBudget: sharedBudget, logger: logger,
            onWait: { reason, until in progress(tracker.snapshot(waiting: (reason, until), now: clock.now())) })
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

    /// Counts an ending that is not an answer; returns false when the provider must stop for this run.
    func handle<Answer>(
        _ ending: ProviderRequestLoop.Ending<Answer>, provider: ProviderName, item: String,
        summary: inout ProviderSummary
    ) -> Bool {
        switch ending {
        case .answered: return true
        case .skipped(let reason):
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request skipped", metadata: ["item": "\(item)", "reason": "\(reason)"])
            return true
        case .failed(let reason):
            summary.failed += 1
            logger.warning(
                "\(provider.displayName) request failed", metadata: ["item": "\(item)", "reason": "\(reason)"])
            return true
        case .disabled(let reason):
            disable(provider, reason, &summary)
            return false
        case .refused(let reason):
            leaveForNextRun(provider, reason, &summary)
            return false
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
