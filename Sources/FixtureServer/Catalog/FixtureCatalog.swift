import SwingCache

/// The whole fake catalog: recorded fixtures first, then generated entities, with `0000…` ids missing.
struct FixtureCatalog: Sendable {
    let recorded: RecordedFixtures

    /// The full object for an id of the given kind, or nil when the id is one the catalog treats as missing.
    ///
    /// The id must already be a valid base62 id.
    func entity(_ kind: EntityKind, id: String) -> JSONValue? {
        if SpotifyIDText.isMissing(id) { return nil }
        if let recorded = recorded.entity(kind, id: id) { return recorded }
        switch kind {
        case .track: return TrackProfile(id: id).fullJSON
        case .album: return AlbumProfile(id: id).fullJSON
        case .artist: return ArtistProfile(id: id).fullJSON
        }
    }

    /// Tracks with this ISRC: recorded ones if any, else one generated track, else none for `ZZ…` or malformed ISRCs.
    func tracks(withISRC isrc: String) -> [JSONValue] {
        let recordedTracks = recorded.tracks(withISRC: isrc)
        if !recordedTracks.isEmpty { return recordedTracks }
        guard !isrc.hasPrefix("ZZ"), let id = ISRCTrackID.trackID(forISRC: isrc) else { return [] }
        return [TrackProfile(id: id).fullJSON]
    }
}
