/// One answer from the catalog, of any kind: what a fetch produces and the store keeps.
package enum CatalogEntity: Hashable, Sendable {
    case track(Track)
    case album(Album)
    case artist(Artist)

    package var id: SpotifyID {
        switch self {
        case .track(let track): SpotifyID(kind: .track, value: track.id)
        case .album(let album): SpotifyID(kind: .album, value: album.id)
        case .artist(let artist): SpotifyID(kind: .artist, value: artist.id)
        }
    }
}
