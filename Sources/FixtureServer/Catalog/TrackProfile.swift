import SwingCache

/// Everything the generated catalog says about one track, derived from its id alone.
struct TrackProfile {
    let id: String
    let name: String
    let durationMilliseconds: Int
    let isExplicit: Bool
    let popularity: Int
    let isrc: String
    let albumID: String
    let featuredArtist: ArtistProfile?

    init(id: String) {
        var draws = DeterministicDraws("track", id)
        self.id = id
        name = CatalogWords.trackName(&draws)
        durationMilliseconds = draws.int(in: 120_000...400_000)
        isExplicit = draws.chance(0.2)
        popularity = draws.int(in: 0...100)
        albumID = draws.spotifyID()
        featuredArtist = draws.chance(0.25) ? ArtistProfile(id: draws.spotifyID()) : nil
        let generatedISRC =
            draws.pick(["US", "GB", "SE", "DE", "FR", "NL", "JP", "CA", "AU"])
            + draws.text(count: 3, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            + draws.text(count: 7, from: "0123456789")
        isrc = ISRCTrackID.isrc(encodedIn: id) ?? generatedISRC
    }

    /// The full form `GET /v1/tracks/{id}` answers with, its album nested in short form.
    var fullJSON: JSONValue {
        let album = AlbumProfile(id: albumID)
        var draws = DeterministicDraws("track", id, "position")
        var members = simplifiedMembers(onAlbum: album, trackNumber: draws.int(in: 1...album.totalTracks))
        members["album"] = album.simplifiedJSON
        members["external_ids"] = ["isrc": .string(isrc)]
        members["popularity"] = .int(popularity)
        return .object(members)
    }

    /// The short form an album lists, credited to that album's artists.
    func simplifiedJSON(onAlbum album: AlbumProfile, trackNumber: Int) -> JSONValue {
        .object(simplifiedMembers(onAlbum: album, trackNumber: trackNumber))
    }

    private func simplifiedMembers(onAlbum album: AlbumProfile, trackNumber: Int) -> [String: JSONValue] {
        var members = CatalogObjectFields.identity(.track, id: id)
        members["artists"] = .array((album.artists + [featuredArtist].compactMap { $0 }).map(\.simplifiedJSON))
        members["available_markets"] = CatalogObjectFields.availableMarkets
        members["disc_number"] = 1
        members["duration_ms"] = .int(durationMilliseconds)
        members["explicit"] = .bool(isExplicit)
        members["is_local"] = false
        members["name"] = .string(name)
        members["preview_url"] = .null
        members["track_number"] = .int(trackNumber)
        return members
    }
}
