import SwingCache

/// One provider request's facts, written in one transaction with its ledger entry.
///
/// ```swift
/// try await store.save(EnrichmentRecord(listenbrainzPopularity: answers, request: .append(entry)))
/// ```
package struct EnrichmentRecord: Sendable {
    package var facts: ProviderFacts
    package var request: LedgerWrite?

    package init(_ facts: ProviderFacts, request: LedgerWrite?) {
        self.facts = facts
        self.request = request
    }

    /// The record of the facts named, each empty when left out.
    package init(
        lastfmTracks: [LastfmTrackFact] = [], musicbrainzRecordings: [MusicBrainzRecordingFact] = [],
        listenbrainzPopularity: [ListenBrainzPopularityFact] = [], links: [TrackLinkFact] = [],
        musicbrainzSearches: [MusicBrainzSearchFact] = [], isrcFacts: [ISRCFact] = [], request: LedgerWrite?
    ) {
        self.init(
            ProviderFacts(
                lastfmTracks: lastfmTracks, musicbrainzRecordings: musicbrainzRecordings,
                listenbrainzPopularity: listenbrainzPopularity, links: links, musicbrainzSearches: musicbrainzSearches,
                isrcFacts: isrcFacts),
            request: request)
    }
}
