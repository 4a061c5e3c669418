import SwingCache

/// Everything the generated catalog says about one album, derived from its id alone.
struct AlbumProfile {
    let id: String
    let name: String
    let albumType: String
    let artists: [ArtistProfile]
    let releaseDate: String
    let releaseDatePrecision: String
    let releaseYear: Int
    let totalTracks: Int
    let label: String
    let upc: String
    let popularity: Int
    let imageHash: String

    init(id: String) {
        var draws = DeterministicDraws("album", id)
        self.id = id
        name = CatalogWords.albumName(&draws)
        albumType = draws.pick(["album", "album", "album", "single", "compilation"])
        artists = (0..<(draws.chance(0.2) ? 2 : 1)).map { _ in ArtistProfile(id: draws.spotifyID()) }
        releaseYear = draws.int(in: 1962...2025)
        let month = draws.int(in: 1...12)
        let day = draws.int(in: 1...28)
        releaseDatePrecision = draws.pick(["day", "day", "day", "day", "month", "year"])
        switch releaseDatePrecision {
        case "year": releaseDate = "\(releaseYear)"
        case "month": releaseDate = "\(releaseYear)-\(Self.twoDigits(month))"
        default: releaseDate = "\(releaseYear)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
        }
        totalTracks = albumType == "single" ? draws.int(in: 1...4) : draws.int(in: 6...18)
        label = CatalogWords.labelName(&draws)
        upc = draws.text(count: 12, from: "0123456789")
        popularity = draws.int(in: 0...100)
        imageHash = draws.text(count: 24, from: "0123456789abcdef")
    }

    /// The id of the track at `position` (from 1) on this album, so the track listing is stable.
    func trackID(at position: Int) -> String {
        var draws = DeterministicDraws("album", id, "track", String(position))
        return draws.spotifyID()
    }

    /// The short form nested in tracks.
    var simplifiedJSON: JSONValue {
        .object(simplifiedMembers)
    }

    /// The full form `GET /v1/albums/{id}` answers with, including the first page of its tracks.
    var fullJSON: JSONValue {
        var members = simplifiedMembers
        members["copyrights"] = [
            ["text": .string("\(releaseYear) \(label)"), "type": "C"],
            ["text": .string("\u{2117} \(releaseYear) \(label)"), "type": "P"],
        ]
        members["external_ids"] = ["upc": .string(upc)]
        members["genres"] = []
        members["label"] = .string(label)
        members["popularity"] = .int(popularity)
        let items = (1...totalTracks).map { position in
            TrackProfile(id: trackID(at: position)).simplifiedJSON(onAlbum: self, trackNumber: position)
        }
        members["tracks"] = [
            "href": .string("https://api.spotify.com/v1/albums/\(id)/tracks?offset=0&limit=50"),
            "items": .array(items),
            "limit": 50,
            "next": .null,
            "offset": 0,
            "previous": .null,
            "total": .int(totalTracks),
        ]
        return .object(members)
    }

    private var simplifiedMembers: [String: JSONValue] {
        var members = CatalogObjectFields.identity(.album, id: id)
        members["album_type"] = .string(albumType)
        members["artists"] = .array(artists.map(\.simplifiedJSON))
        members["available_markets"] = CatalogObjectFields.availableMarkets
        members["images"] = CatalogObjectFields.albumImages(hash: imageHash)
        members["name"] = .string(name)
        members["release_date"] = .string(releaseDate)
        members["release_date_precision"] = .string(releaseDatePrecision)
        members["total_tracks"] = .int(totalTracks)
        return members
    }

    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
