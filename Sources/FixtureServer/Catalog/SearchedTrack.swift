import SwingCache

/// A track a search by artist and title made up: named by the query, with ids, album and ISRC drawn from it.
struct SearchedTrack {
    let id: String
    let name: String
    let durationMilliseconds: Int
    let artistID: String
    let artistName: String
    let albumID: String
    let albumName: String?
    let isrc: String
    let isExplicit: Bool
    let popularity: Int
    let trackNumber: Int

    /// One candidate; `variant` tells apart candidates of the same query, such as the live one.
    ///
    /// Ids are drawn from the names exactly as written, not from their `MatchKey`: the objects carry those names,
    /// so `"cher"` and `"Cher"` must not share an id the registry would then answer two ways.
    init(artist: String, title: String, name: String, album: String?, variant: String, durationMilliseconds: Int) {
        var draws = DeterministicDraws("search", "track", artist, title, album ?? "", variant)
        id = Self.searchID(&draws)
        self.name = name
        self.durationMilliseconds = durationMilliseconds
        artistName = artist
        var artistDraws = DeterministicDraws("search", "artist", artist)
        artistID = Self.searchID(&artistDraws)
        albumName = album
        let drawnAlbumID = Self.searchID(&draws)
        albumID =
            album.map { album in
                var albumDraws = DeterministicDraws("search", "album", artist, album)
                return Self.searchID(&albumDraws)
            } ?? drawnAlbumID
        // The recording's ISRC whatever album the query named, so MusicBrainz's search (which names none) agrees;
        // the draws an album-dependent ISRC took are still taken, so the fields after it stay as they were.
        var isrcDraws = DeterministicDraws("search", "isrc", artist, title, variant)
        isrc = Self.isrc(&isrcDraws)
        _ = Self.isrc(&draws)
        isExplicit = draws.chance(0.2)
        popularity = draws.int(in: 0...100)
        trackNumber = draws.int(in: 1...12)
    }

    private static func isrc(_ draws: inout DeterministicDraws) -> String {
        draws.pick(["US", "GB", "SE", "DE", "FR", "NL", "JP", "CA", "AU"])
            + draws.text(count: 3, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            + draws.text(count: 7, from: "0123456789")
    }

    /// The full form search and `GET /v1/tracks/{id}` answer with.
    var fullJSON: JSONValue {
        var members = CatalogObjectFields.identity(.track, id: id)
        members["album"] = albumJSON(AlbumProfile(id: albumID).simplifiedJSON)
        members["artists"] = [artistSimplifiedJSON]
        members["available_markets"] = CatalogObjectFields.availableMarkets
        members["disc_number"] = 1
        members["duration_ms"] = .int(durationMilliseconds)
        members["explicit"] = .bool(isExplicit)
        members["external_ids"] = ["isrc": .string(isrc)]
        members["is_local"] = false
        members["name"] = .string(name)
        members["popularity"] = .int(popularity)
        members["preview_url"] = .null
        members["track_number"] = .int(trackNumber)
        return .object(members)
    }

    /// The full form of its album, credited to the searched artist.
    var albumFullJSON: JSONValue {
        albumJSON(AlbumProfile(id: albumID).fullJSON)
    }

    /// The full form of its artist, named as the query named it.
    var artistFullJSON: JSONValue {
        ArtistProfile(id: artistID).fullJSON.settingMembers(["name": .string(artistName)])
    }

    private var artistSimplifiedJSON: JSONValue {
        ArtistProfile(id: artistID).simplifiedJSON.settingMembers(["name": .string(artistName)])
    }

    private func albumJSON(_ generated: JSONValue) -> JSONValue {
        var replacements: [String: JSONValue] = ["artists": [artistSimplifiedJSON]]
        if let albumName { replacements["name"] = .string(albumName) }
        return generated.settingMembers(replacements)
    }

    /// `Srch` and 18 drawn characters, so a made-up id never starts with `0000` and is easy to recognise.
    private static func searchID(_ draws: inout DeterministicDraws) -> String {
        "Srch" + draws.text(count: 18, from: SpotifyIDText.base62Alphabet)
    }
}
