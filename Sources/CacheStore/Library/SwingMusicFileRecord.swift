import GRDB

/// What SwingMusic names a library file by: its runtime track hash, and the tags as its scanner stored them.
///
/// ```swift
/// SwingMusicFileRecord(
///     trackhash: "8f2c…", tagTitle: "Song (feat. B)", tagArtists: "A", tagAlbumArtists: "A", tagAlbum: "Album")
/// ```
package struct SwingMusicFileRecord: Hashable, Sendable {
    /// The hash SwingMusic's API, scrobbles, playlists and favorites use; copies of one song share it.
    package var trackhash: String
    package var tagTitle: String
    /// The tag's text, separators and all.
    package var tagArtists: String
    package var tagAlbumArtists: String
    package var tagAlbum: String

    package init(trackhash: String, tagTitle: String, tagArtists: String, tagAlbumArtists: String, tagAlbum: String) {
        self.trackhash = trackhash
        self.tagTitle = tagTitle
        self.tagArtists = tagArtists
        self.tagAlbumArtists = tagAlbumArtists
        self.tagAlbum = tagAlbum
    }
}

/// Read from a row of `swingmusic_track` (``SwingMusicFileRow`` writes it, with the file's path).
extension SwingMusicFileRecord: DecodedRow {}
