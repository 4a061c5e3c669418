/// A file's tags as SwingMusic's scanner stored them in `track`: the text of each tag, separators and all.
public struct TrackTags: Hashable, Sendable {
    public var title: String
    /// "Queen/David Bowie": split by ``ArtistSplitting``.
    public var artists: String
    public var albumArtists: String
    public var album: String

    public init(title: String, artists: String, albumArtists: String, album: String) {
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album
    }
}
