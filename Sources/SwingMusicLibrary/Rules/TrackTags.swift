/// A file's tags as SwingMusic's scanner stored them in `track`: the text of each tag, separators and all.
package struct TrackTags: Hashable, Sendable {
    package var title: String
    /// "Queen/David Bowie": split by ``ArtistSplitting``.
    package var artists: String
    package var albumArtists: String
    package var album: String

    package init(title: String, artists: String, albumArtists: String, album: String) {
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album
    }
}
