import SwingCache

/// One audio file of the SwingMusic library: its tags as stored, and the track SwingMusic shows for them.
public struct LibraryTrack: Hashable, Sendable {
    /// Unique in the library: the key matches are joined by.
    public var filepath: String
    /// The tags as SwingMusic's scanner stored them.
    public var tags: TrackTags
    /// What SwingMusic shows: the title, artists and album the matcher and every provider query use.
    public var shown: ShownTrack
    /// Whole seconds, as SwingMusic stores them; 0 when unknown.
    public var durationSeconds: Int
    /// Canonical form (12 characters, upper case, no dashes), or nil when the file has no well-formed one.
    public var isrc: String?

    public init(filepath: String, tags: TrackTags, shown: ShownTrack, durationSeconds: Int, isrc: String?) {
        self.filepath = filepath
        self.tags = tags
        self.shown = shown
        self.durationSeconds = durationSeconds
        self.isrc = isrc
    }

    /// The title SwingMusic shows ("(feat. …)", "(prod. …)" and remaster notes removed as its settings say).
    public var title: String { shown.title }
    /// The artists SwingMusic shows, featured ones included.
    public var artists: [String] { shown.artists }
    public var albumArtists: [String] { shown.albumArtists }
    /// The album title SwingMusic shows.
    public var album: String { shown.album }
    /// SwingMusic's runtime track hash, which its scrobbles carry: copies of one song share it.
    public var trackhash: String { shown.trackhash }

    /// What the matcher compares; the album artists stand in when the file names no artist.
    public var localTrack: LocalTrack {
        LocalTrack(
            title: PythonText.strip(title), artists: artists.isEmpty ? albumArtists : artists, album: album,
            durationSeconds: durationSeconds > 0 ? durationSeconds : nil, isrc: isrc)
    }

    /// Changes when one of the tags the matcher reads changes, so only those files are matched again.
    ///
    /// A hash of title, artists, album, duration and ISRC (``LocalTrack/fingerprint``), not SwingMusic's
    /// `last_mod`: that one moves whenever the file is touched, and its `trackhash` leaves out duration and ISRC.
    public var fingerprint: String { localTrack.fingerprint }
}
