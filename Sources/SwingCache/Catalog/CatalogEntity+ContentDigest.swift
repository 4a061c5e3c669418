import Foundation

extension CatalogEntity {
    /// A digest of the fields that matter — every column people query, not the raw answer (whose key order and
    /// trimmed fields may differ between two answers with the same content): equal digests mean Spotify sent
    /// nothing new.
    package var contentDigest: String {
        func text(_ value: (any CustomStringConvertible)?) -> String { value.map { "\($0)" } ?? "\u{0}" }
        let fields: [String] =
            switch self {
            case .track(let track):
                [
                    track.name, text(track.albumID), text(track.albumName), track.artistIDs.joined(separator: "\u{1E}"),
                    track.artistNames.joined(separator: "\u{1E}"), text(track.isrc), text(track.durationMs),
                    text(track.explicit), text(track.popularity), text(track.trackNumber), text(track.discNumber),
                    text(track.releaseDate), text(track.imageURL),
                ]
            case .album(let album):
                [
                    album.name, text(album.albumType), album.artistIDs.joined(separator: "\u{1E}"),
                    album.artistNames.joined(separator: "\u{1E}"), text(album.releaseDate),
                    text(album.releaseDatePrecision), text(album.totalTracks), text(album.upc), text(album.label),
                    text(album.popularity), album.genres.joined(separator: "\u{1E}"), text(album.imageURL),
                ]
            case .artist(let artist):
                [
                    artist.name, artist.genres.joined(separator: "\u{1E}"), text(artist.popularity),
                    text(artist.followers), text(artist.imageURL),
                ]
            }
        return StableHash.hex(fields.joined(separator: "\u{1F}"))
    }
}
