/// A track as SwingMusic shows it: cleaned title and album, split artists, and the runtime hash that identifies it.
public struct ShownTrack: Hashable, Sendable {
    public var title: String
    /// The artists, featured ones included, each once, in tag order.
    public var artists: [String]
    public var albumArtists: [String]
    public var album: String
    /// SwingMusic's runtime track hash: what its API, scrobbles, playlists and favorites name the song by.
    public var trackhash: String

    public init(title: String, artists: [String], albumArtists: [String], album: String, trackhash: String) {
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album
        self.trackhash = trackhash
    }
}
