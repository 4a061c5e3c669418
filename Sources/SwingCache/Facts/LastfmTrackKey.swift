/// What Last.fm's `track.getInfo` is asked by, exactly as sent: the key of its stored answer.
///
/// Last.fm answers per song, not per file: an album track and its compilation copy share one answer, so it is
/// stored once under this key rather than once per file path.
package struct LastfmTrackKey: Hashable, Sendable, Codable {
    package var artist: String
    package var title: String

    package init(artist: String, title: String) {
        self.artist = artist
        self.title = title
    }

    /// The key a library file is asked by: its first artist (the first album artist when it names none) and its
    /// title.
    package init(fileWithArtists artists: [String], albumArtists: [String], title: String) {
        self.init(artist: artists.first ?? albumArtists.first ?? "", title: title)
    }
}
