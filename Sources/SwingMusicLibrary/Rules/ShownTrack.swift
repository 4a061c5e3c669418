/// A track as SwingMusic shows it: cleaned title and album, split artists, and the runtime hash that identifies it.
package struct ShownTrack: Hashable, Sendable {
    package var title: String
    /// The artists, featured ones included, each once, in tag order.
    package var artists: [String]
    package var albumArtists: [String]
    package var album: String
    /// SwingMusic's runtime track hash: what its API, scrobbles, playlists and favorites name the song by.
    package var trackhash: String

    package init(title: String, artists: [String], albumArtists: [String], album: String, trackhash: String) {
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album
        self.trackhash = trackhash
    }
}
