import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

/// What a run would ask one provider now, as far as it can be known before the library is matched: for `plan`
/// and `run --dry-run`.
///
/// ```swift
/// let previews = try await ProviderPreview.estimate(survey, settings: spec.enrichment, configuration: providers,
///                                             store: store, now: Date())
/// print(previews["lastfm"]?.requestsAtLeast ?? 0)
/// ```
package struct ProviderPreview: Codable, Sendable, Equatable {
    /// What the provider is asked about, each once: Last.fm keys, ISRCs, or MusicBrainz recordings.
    package var keys = 0
    /// Of those, the ones whose stored fact is still fresh.
    package var fresh = 0
    /// The ones a run would ask for.
    package var due = 0
    package var requestsAtLeast = 0
    /// Nil when it depends on what MusicBrainz answers (ListenBrainz asks for the recordings it names).
    package var requestsAtMost: Int?
    /// The shortest time those requests take at the provider's `min_interval`.
    package var secondsAtLeast = 0.0
    /// Why a run would not call the provider; nil when it would.
    package var skipped: String?
    /// The time of the requests the provider's phase counts as it starts, at its `min_interval`: the most where it is
    /// known (two per MusicBrainz ISRC and per file to search), else the least. Not in `plan --json`.
    package var secondsAsCounted = 0.0

    private enum CodingKeys: String, CodingKey {
        case keys, fresh, due, requestsAtLeast, requestsAtMost, secondsAtLeast, skipped
    }

    package init() {}
}

extension ProviderPreview {
    /// A preview per provider `settings` enables, keyed like the run report's `providers`.
    ///
    /// Each provider's declaration estimates its own (``ProviderDeclaration/preview``), in the order they are
    /// registered, each seeing what those before it would do: matching may give files without an ISRC one, and
    /// MusicBrainz may not know an ISRC, so the counts that depend on them are ranges. Retries are not counted. A
    /// provider a run would skip asks nothing; one with no preview (Odesli, which asks only about the links Deezer
    /// finds) is left out.
    package static func estimate(
        _ survey: LibrarySurvey, settings: EnrichmentSettings, configuration: ProviderConfiguration,
        store: AppDatabase, now: Date, defaults: ProviderBudgetDefaults = .standard
    ) async throws -> [String: ProviderPreview] {
        try await estimate(
            survey, settings: settings, unconfigured: configuration.unconfiguredReason, store: store, now: now,
            defaults: defaults)
    }

    /// The same, where `unconfigured` says why a run would skip a provider (nil when it would call it).
    static func estimate(
        _ survey: LibrarySurvey, settings: EnrichmentSettings, unconfigured: @escaping @Sendable (Provider) -> String?,
        store: AppDatabase, now: Date, defaults: ProviderBudgetDefaults
    ) async throws -> [String: ProviderPreview] {
        var previews: [String: ProviderPreview] = [:]
        var library = ProviderPreviewContext(
            lastfmKeys: Array(survey.lastfmKeys), isrcs: survey.isrcs.sorted(),
            filesAwaitingISRC: survey.filesAwaitingISRC, source: store.facts, now: now,
            calls: { settings.isEnabled($0) && unconfigured($0) == nil })
        for declaration in ProviderDeclaration.registered where settings.isEnabled(declaration.provider) {
            guard let estimate = declaration.preview else { continue }
            let provider = declaration.provider
            var preview = ProviderPreview()
            preview.skipped = unconfigured(provider)
            let estimated = try await estimate(library)
            library.earlier[provider] = estimated
            preview.keys = estimated.keys
            preview.fresh = estimated.fresh
            preview.due = estimated.due
            if preview.skipped == nil {
                preview.requestsAtLeast = estimated.requestsAtLeast
                preview.requestsAtMost = estimated.requestsAtMost
            } else {
                preview.requestsAtMost = 0
            }
            let interval = settings.budget(for: provider, defaults: defaults).minInterval
            preview.secondsAtLeast = Double(max(0, preview.requestsAtLeast - 1)) * interval
            preview.secondsAsCounted =
                Double(max(0, (preview.requestsAtMost ?? preview.requestsAtLeast) - 1)) * interval
            previews[provider.enrichKey] = preview
        }
        return previews
    }
}
