/// What one provider answer says, fact by fact: what an enricher returns and the store writes.
///
/// ```swift
/// let facts = ProviderFacts(listenbrainzPopularity: answers)
/// ```
package struct ProviderFacts: Sendable {
    package var lastfmTracks: [LastfmTrackFact]
    package var musicbrainzRecordings: [MusicBrainzRecordingFact]
    package var listenbrainzPopularity: [ListenBrainzPopularityFact]
    package var links: [TrackLinkFact]
    package var musicbrainzSearches: [MusicBrainzSearchFact]
    /// Facts of the providers' own tables (``ISRCFactTable/registered``).
    package var isrcFacts: [ISRCFact]

    package init(
        lastfmTracks: [LastfmTrackFact] = [], musicbrainzRecordings: [MusicBrainzRecordingFact] = [],
        listenbrainzPopularity: [ListenBrainzPopularityFact] = [], links: [TrackLinkFact] = [],
        musicbrainzSearches: [MusicBrainzSearchFact] = [], isrcFacts: [ISRCFact] = []
    ) {
        self.lastfmTracks = lastfmTracks
        self.musicbrainzRecordings = musicbrainzRecordings
        self.listenbrainzPopularity = listenbrainzPopularity
        self.links = links
        self.musicbrainzSearches = musicbrainzSearches
        self.isrcFacts = isrcFacts
    }
}
