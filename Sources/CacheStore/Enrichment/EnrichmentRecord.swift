/// One provider request's facts, written in one transaction with its ledger entry.
///
/// ```swift
/// try store.save(EnrichmentRecord(listenbrainzPopularity: answers, request: .append(entry)))
/// ```
public struct EnrichmentRecord: Sendable {
    public var lastfmTracks: [LastfmTrackFact]
    public var musicbrainzRecordings: [MusicBrainzRecordingFact]
    public var listenbrainzPopularity: [ListenBrainzPopularityFact]
    public var links: [TrackLinkFact]
    public var request: LedgerWrite?

    public init(
        lastfmTracks: [LastfmTrackFact] = [], musicbrainzRecordings: [MusicBrainzRecordingFact] = [],
        listenbrainzPopularity: [ListenBrainzPopularityFact] = [], links: [TrackLinkFact] = [],
        request: LedgerWrite?
    ) {
        self.lastfmTracks = lastfmTracks
        self.musicbrainzRecordings = musicbrainzRecordings
        self.listenbrainzPopularity = listenbrainzPopularity
        self.links = links
        self.request = request
    }
}
