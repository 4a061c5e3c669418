import Foundation
import SwingCache

/// Makes ids and entities for tests and benchmarks: deterministic, valid, and as large as real answers.
package struct CatalogFactory: Sendable {
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    private var generator: SeededGenerator

    package init(seed: UInt64 = 1) {
        generator = SeededGenerator(seed: seed)
    }

    /// A fresh valid id of `kind`.
    package mutating func id(_ kind: EntityKind) -> SpotifyID {
        let value = String((0..<22).map { _ in Self.base62[Int(generator.next() % 62)] })
        return SpotifyID(kind: kind, value: value)
    }

    package mutating func ids(_ kind: EntityKind, count: Int) -> [SpotifyID] {
        (0..<count).map { _ in id(kind) }
    }

    /// An entity for `id` with every column filled, and a raw answer about the size Spotify sends.
    package static func entity(for id: SpotifyID) -> CatalogEntity {
        let raw = Data(
            """
            {"id":"\(id.value)","name":"Name of \(id.value)","type":"\(id.kind.rawValue)",\
            "uri":"\(id.uri)","href":"https://api.spotify.com/v1/\(id.kind.plural)/\(id.value)",\
            "external_urls":{"spotify":"https://open.spotify.com/\(id.kind.rawValue)/\(id.value)"}}
            """.utf8)
        switch id.kind {
        case .track:
            return .track(
                Track(
                    id: id.value, name: "Track \(id.value.prefix(6))", albumID: "0sNOF9WDwhWunNAHPD3Baj",
                    albumName: "An Album", artistIDs: ["0OdUWJ0sBjDrqHygGUXeCF"], artistNames: ["An Artist"],
                    isrc: "USUM7" + id.value.prefix(7).uppercased(), durationMs: 215_000, explicit: false,
                    trackNumber: 3, discNumber: 1, releaseDate: "2019-05-17",
                    imageURL: "https://i.scdn.co/image/ab67616d0000b273" + id.value, raw: raw))
        case .album:
            return .album(
                Album(
                    id: id.value, name: "Album \(id.value.prefix(6))", albumType: "album",
                    artistIDs: ["0OdUWJ0sBjDrqHygGUXeCF"], artistNames: ["An Artist"], releaseDate: "2019-05-17",
                    releaseDatePrecision: "day", totalTracks: 12, upc: "00602577" + id.value.prefix(4),
                    imageURL: "https://i.scdn.co/image/ab67616d0000b273" + id.value, raw: raw))
        case .artist:
            return .artist(
                Artist(
                    id: id.value, name: "Artist \(id.value.prefix(6))",
                    imageURL: "https://i.scdn.co/image/ab6761610000e5eb" + id.value, raw: raw))
        }
    }
}
