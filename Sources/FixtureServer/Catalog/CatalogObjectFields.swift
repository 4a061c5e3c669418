import SwingCache

/// The members every catalog object shares, written once so generated objects match Spotify's shape everywhere.
enum CatalogObjectFields {
    /// `external_urls`, `href`, `id`, `type` and `uri` for one entity.
    static func identity(_ kind: EntityKind, id: String) -> [String: JSONValue] {
        [
            "external_urls": ["spotify": .string("https://open.spotify.com/\(kind.rawValue)/\(id)")],
            "href": .string("https://api.spotify.com/v1/\(kind.plural)/\(id)"),
            "id": .string(id),
            "type": .string(kind.rawValue),
            "uri": .string(SpotifyID(kind: kind, value: id).uri),
        ]
    }

    /// The three sizes of cover art Spotify lists for an album, largest first.
    static func albumImages(hash: String) -> JSONValue {
        images(hash: hash, sizes: [(640, "ab67616d0000b273"), (300, "ab67616d00001e02"), (64, "ab67616d00004851")])
    }

    /// The three sizes of portrait Spotify lists for an artist, largest first.
    static func artistImages(hash: String) -> JSONValue {
        images(hash: hash, sizes: [(640, "ab6761610000e5eb"), (320, "ab67616100005174"), (160, "ab6761610000f178")])
    }

    /// The market list as JSON, shared by every generated object and serialised once since it is most of each answer.
    static let availableMarkets = JSONValue.serialized(JSONValue.array(MarketCodes.all.map { .string($0) }).serialized)

    private static func images(hash: String, sizes: [(pixels: Int, prefix: String)]) -> JSONValue {
        .array(
            sizes.map { size in
                [
                    "height": .int(size.pixels),
                    "url": .string("https://i.scdn.co/image/\(size.prefix)\(hash)"),
                    "width": .int(size.pixels),
                ]
            })
    }
}
