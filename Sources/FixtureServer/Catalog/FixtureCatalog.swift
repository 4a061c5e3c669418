import SwingCache

/// The whole fake catalog: recorded fixtures first, then tracks made up by searches, then generated entities, with
/// `0000…` ids missing.
///
/// Its static functions tell tests what the fake services answer, so they can build data that matches:
///
/// ```swift
/// let duration = FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe")
/// let mbids = FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303")
/// ```
package struct FixtureCatalog: Sendable {
    let recorded: RecordedFixtures
    let searchHits = SearchHitRegistry()

    init(recorded: RecordedFixtures) {
        self.recorded = recorded
    }

    /// The full object for an id of the given kind, or nil when the id is one the catalog treats as missing.
    ///
    /// The id must already be a valid base62 id.
    func entity(_ kind: EntityKind, id: String) -> JSONValue? {
        if SpotifyIDText.isMissing(id) { return nil }
        if let recorded = recorded.entity(kind, id: id) { return recorded }
        if let searched = searchHits.entity(kind, id: id) { return searched }
        switch kind {
        case .track: return TrackProfile(id: id).fullJSON
        case .album: return AlbumProfile(id: id).fullJSON
        case .artist: return ArtistProfile(id: id).fullJSON
        }
    }

    /// Tracks with this ISRC: recorded ones if any, else the one a search found with it (so Spotify's `isrc:`
    /// search, MusicBrainz and Deezer agree with the search), else one generated track, else none for `ZZ…` or
    /// malformed ISRCs.
    func tracks(withISRC isrc: String) -> [JSONValue] {
        let recordedTracks = recorded.tracks(withISRC: isrc)
        if !recordedTracks.isEmpty { return recordedTracks }
        if let searched = searchHits.track(withISRC: isrc) { return [searched] }
        guard !isrc.hasPrefix("ZZ"), let id = ISRCTrackID.trackID(forISRC: isrc) else { return [] }
        return [TrackProfile(id: id).fullJSON]
    }

    /// The candidates a search by artist and title finds, each registered so it can be fetched by id afterwards.
    func tracks(matching query: SpotifySearchQuery) -> [JSONValue] {
        let candidates = SearchCandidates.tracks(for: query)
        for candidate in candidates { register(candidate) }
        return candidates.map(\.fullJSON)
    }

    /// Keeps what a search found, so a later request by its id or ISRC finds it.
    func register(_ candidate: SearchedTrack) {
        searchHits.register(.track, id: candidate.id, object: candidate.fullJSON)
        searchHits.register(.album, id: candidate.albumID, object: candidate.albumFullJSON)
        searchHits.register(.artist, id: candidate.artistID, object: candidate.artistFullJSON)
        searchHits.register(track: candidate.fullJSON, isrc: candidate.isrc)
    }
}
