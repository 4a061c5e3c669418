/// One provider request's facts, written in one transaction with its ledger entry.
///
/// ```swift
/// try await store.save(EnrichmentRecord(listenbrainzPopularity: answers, request: .append(entry)))
/// ```
package struct EnrichmentRecord: Sendable {
    package var lastfmTracks: [LastfmTrackFact]
    package var musicbrainzRecordings: [MusicBrainzRecordingFact]
    package var listenbrainzPopularity: [ListenBrainzPopularityFact]
    package var links: [TrackLinkFact]
    package var musicbrainzSearches: [MusicBrainzSearchFact]
    /// Facts of the providers' own tables (``ISRCFactTable/registered``).
    package var isrcFacts: [ISRCFact]
    package var request: LedgerWrite?

    package init(
        lastfmTracks: [LastfmTrackFact] = [], musicbrainzRecordings: [MusicBrainzRecordingFact] = [],
        listenbrainzPopularity: [ListenBrainzPopularityFact] = [], links: [TrackLinkFact] = [],
        musicbrainzSearches: [MusicBrainzSearchFact] = [], isrcFacts: [ISRCFact] = [], request: LedgerWrite?
    ) {
        self.lastfmTracks = lastfmTracks
        self.musicbrainzRecordings = musicbrainzRecordings
        self.listenbrainzPopularity = listenbrainzPopularity
        self.links = links
        self.musicbrainzSearches = musicbrainzSearches
        self.isrcFacts = isrcFacts
        self.request = request
    }
}
