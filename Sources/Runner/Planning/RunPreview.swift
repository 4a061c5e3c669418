import EnrichmentAPI
import Foundation
import Logging
import SharedTier
import SwingCache

/// The plan a run would carry out now, with the library's matched tracks as targets and the files still to match
/// counted; nothing is written, neither to the cache nor to SwingMusic's database. What `plan` and `run --dry-run`
/// show.
///
/// ```swift
/// let preview = try await RunPreview.make(jobSet, cache: cache, configuration: configuration, now: now, logger: logger)
/// ```
package struct RunPreview: Sendable {
    package var plan: Plan
    package var jobs: JobSet
    package var library: LibraryImportResult?
    /// What each provider the library's `enrich:` names would be asked, by name.
    package var providers: [String: ProviderPreview] = [:]

    /// Plans `jobSet` against `cache`; throws a `SwingMusicLibraryError` when the library cannot be read.
    package static func make(
        _ jobSet: JobSet, cache: TieredCache, configuration: SwingCacheConfiguration, now: Date,
        budgetOverride: (BudgetPolicy) -> BudgetPolicy = { $0 }, logger: Logger
    ) async throws -> RunPreview {
        try await make(
            jobSet, cache: cache, modeRecheck: configuration.modeRecheck,
            survey: LibraryImport(store: cache.store, clock: SystemClock(), logger: logger),
            unconfigured: configuration.providers.unconfiguredReason, providerBudgets: .standard, now: now,
            budgetOverride: budgetOverride)
    }

    /// The same from the parts a run holds: how it reads the library, why it would skip a provider (nil when it
    /// would call it) and the providers' budgets before a spec's `enrich:` changes them.
    static func make(
        _ jobSet: JobSet, cache: TieredCache, modeRecheck: TimeInterval, survey: LibraryImport,
        unconfigured: @escaping @Sendable (Provider) -> String?, providerBudgets: ProviderBudgetDefaults, now: Date,
        budgetOverride: (BudgetPolicy) -> BudgetPolicy
    ) async throws -> RunPreview {
        var jobSet = jobSet
        var library: LibraryImportResult?
        var providers: [String: ProviderPreview] = [:]
        if let source = jobSet.librarySpec?.library {
            let found = try await survey.survey(source)
            library = found.found
            if let enrichment = jobSet.librarySpec?.enrichment {
                providers = try await ProviderPreview.estimate(
                    found, settings: enrichment, unconfigured: unconfigured, store: cache.store, now: now,
                    defaults: providerBudgets)
            }
            await jobSet.addLibraryMatches(
                try cache.store.library.matchedSpotifyTrackIDs().map { SpotifyID(kind: .track, value: $0) })
        }
        let plan = try await Scheduler(cache: cache, modeRecheckAfter: modeRecheck).plan(
            jobSet, now: now, budgetOverride: budgetOverride)
        return RunPreview(plan: plan, jobs: jobSet, library: library, providers: providers)
    }
}
