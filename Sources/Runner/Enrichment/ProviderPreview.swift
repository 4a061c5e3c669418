import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

/// What a run would ask one provider now, as far as it can be known before the library is matched: for `plan`
/// and `run --dry-run`.
///
/// ```swift
/// let previews = try ProviderPreview.estimate(survey, settings: spec.enrichment, configuration: providers,
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
    /// Matching may give files without an ISRC one, and MusicBrainz may not know an ISRC, so the counts that
    /// depend on them are ranges: MusicBrainz at least one request per due ISRC and at most two per ISRC that may
    /// be due (a file still without one is searched instead, also at most two); Deezer none when MusicBrainz already
    /// gives every link, at most one per ISRC that may be due.
    /// Retries are not counted. Providers are previewed in `Provider.allCases` order (Odesli, which asks only about the links Deezer finds, is not), MusicBrainz before
    /// ListenBrainz, whose recordings it finds.
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
        _ survey: LibrarySurvey, settings: EnrichmentSettings, unconfigured: (Provider) -> String?,
        store: AppDatabase, now: Date, defaults: ProviderBudgetDefaults
    ) async throws -> [String: ProviderPreview] {
        var previews: [String: ProviderPreview] = [:]
        let isrcs = survey.isrcs.sorted()
        let musicbrainzMayAsk = settings.isEnabled(.musicbrainz) && unconfigured(.musicbrainz) == nil
        var musicbrainzMayFindRecordings = false
        for provider in Provider.allCases where settings.isEnabled(provider) && provider != .odesli {
            var preview = ProviderPreview()
            preview.skipped = unconfigured(provider)
            let interval: TimeInterval
            switch provider {
            case .lastfm:
                let keys = survey.lastfmKeys.map { EnrichmentKey.lastfmTrack($0) }
                try await preview.count(keys, store: store, now: now)
                preview.requestsAtLeast = preview.due
                preview.requestsAtMost = preview.due
                interval = settings.budget(for: .lastfm, defaults: defaults).minInterval
            case .musicbrainz:
                try await preview.count(isrcs.map { .musicbrainzRecording(isrc: $0) }, store: store, now: now)
                preview.requestsAtLeast = preview.due
                preview.requestsAtMost = 2 * (preview.due + survey.filesAwaitingISRC)
                musicbrainzMayFindRecordings = musicbrainzMayAsk && preview.requestsAtMost != 0
                interval = settings.budget(for: .musicbrainz, defaults: defaults).minInterval
            case .listenbrainz:
                let mbids = try await store.facts.recordingMBIDs(forISRCs: isrcs)
                try await preview.count(mbids.map { .listenbrainzPopularity(mbid: $0) }, store: store, now: now)
                let batch = ListenBrainzPopularityRequest.maxRecordings
                preview.requestsAtLeast = (preview.due + batch - 1) / batch
                preview.requestsAtMost = musicbrainzMayFindRecordings ? nil : preview.requestsAtLeast
                interval = settings.budget(for: .listenbrainz, defaults: defaults).minInterval
            case .deezer, .odesli:
                try await preview.count(
                    isrcs.map { .trackLink(isrc: $0, platform: "deezer") }, store: store, now: now)
                preview.requestsAtLeast = musicbrainzMayAsk ? 0 : preview.due
                preview.requestsAtMost = preview.due + survey.filesAwaitingISRC
                interval = settings.budget(for: .deezer, defaults: defaults).minInterval
            }
            if preview.skipped != nil {
                preview.requestsAtLeast = 0
                preview.requestsAtMost = 0
            }
            preview.secondsAtLeast = Double(max(0, preview.requestsAtLeast - 1)) * interval
            preview.secondsAsCounted =
                Double(max(0, (preview.requestsAtMost ?? preview.requestsAtLeast) - 1)) * interval
            previews[provider.enrichKey] = preview
        }
        return previews
    }

    private mutating func count(_ keys: [EnrichmentKey], store: AppDatabase, now: Date) async throws {
        let states = try await store.facts.enrichmentStates(for: keys)
        self.keys = keys.count
        fresh = keys.count { states[$0]?.holds(at: now) == true }
        due = keys.count - fresh
    }
}
