import SwingCache

/// One audio file of the SwingMusic library, with the tags the matcher reads.
public struct LibraryTrack: Hashable, Sendable {
    /// Unique in the library: the key plays and matches are joined by.
    public var filepath: String
    public var title: String
    public var artists: [String]
    public var albumArtists: [String]
    public var album: String
    /// Whole seconds, as SwingMusic stores them; 0 when unknown.
    public var durationSeconds: Int
    /// Canonical form (12 characters, upper case, no dashes), or nil when the file has no well-formed one.
    public var isrc: String?

    public init(
        filepath: String, title: String, artists: [String], albumArtists: [String], album: String,
        durationSeconds: Int, isrc: String?
    ) {
        self.filepath = filepath
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album
        self.durationSeconds = durationSeconds
        self.isrc = isrc
    }

    /// What the matcher compares; the album artists stand in when the file names no artist.
    public var localTrack: LocalTrack {
        LocalTrack(
            title: title, artists: artists.isEmpty ? albumArtists : artists, album: album,
            durationSeconds: durationSeconds > 0 ? durationSeconds : nil, isrc: isrc)
    }

    /// Changes when one of the tags the matcher reads changes, so only those files are matched again.
    ///
    /// A hash of title, artists, album, duration and ISRC (``LocalTrack/fingerprint``), not SwingMusic's
    /// `last_mod`: that one moves whenever the file is touched, and its `trackhash` leaves out duration and ISRC.
    public var fingerprint: String { localTrack.fingerprint }
}
