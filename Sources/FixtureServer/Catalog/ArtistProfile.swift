import SwingCache

/// Everything the generated catalog says about one artist, derived from its id alone.
struct ArtistProfile {
    let id: String
    let name: String
    let genres: [String]
    let popularity: Int
    let followers: Int
    let imageHash: String

    init(id: String) {
        var draws = DeterministicDraws("artist", id)
        self.id = id
        name = CatalogWords.artistName(&draws)
        genres = (0..<draws.int(in: 0...3)).map { _ in draws.pick(CatalogWords.genres) }
            .reduce(into: [String]()) { unique, genre in if !unique.contains(genre) { unique.append(genre) } }
        popularity = draws.int(in: 0...100)
        followers = popularity * popularity * draws.int(in: 1...600)
        imageHash = draws.text(count: 24, from: "0123456789abcdef")
    }

    /// The short form nested in tracks and albums.
    var simplifiedJSON: JSONValue {
        var members = CatalogObjectFields.identity(.artist, id: id)
        members["name"] = .string(name)
        return .object(members)
    }

    /// The full form `GET /v1/artists/{id}` answers with.
    var fullJSON: JSONValue {
        var members = CatalogObjectFields.identity(.artist, id: id)
        members["followers"] = ["href": .null, "total": .int(followers)]
        members["genres"] = .array(genres.map { .string($0) })
        members["images"] = CatalogObjectFields.artistImages(hash: imageHash)
        members["name"] = .string(name)
        members["popularity"] = .int(popularity)
        return .object(members)
    }
}
