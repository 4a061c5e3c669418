import Foundation
import SwingCache

/// One audio file of the SwingMusic library: its tags as stored, and the track SwingMusic shows for them.
package struct LibraryTrack: Hashable, Sendable {
    /// Unique in the library: the key matches are joined by.
    package var filepath: String
    /// The tags as SwingMusic's scanner stored them.
    package var tags: TrackTags
    /// What SwingMusic shows: the title, artists and album the matcher and every provider query use.
    package var shown: ShownTrack
    /// Whole seconds, as SwingMusic stores them; 0 when unknown.
    package var durationSeconds: Int
    /// Canonical form (12 characters, upper case, no dashes), or nil when the file has no well-formed one.
    package var isrc: String?
    /// SwingMusic's `last_mod`: when the file was last written as its scanner saw it, the best sign of when it was
    /// added; nil when SwingMusic has none.
    package var lastModified: Date?

    package init(
        filepath: String, tags: TrackTags, shown: ShownTrack, durationSeconds: Int, isrc: String?,
        lastModified: Date? = nil
    ) {
        self.filepath = filepath
        self.tags = tags
        self.shown = shown
        self.durationSeconds = durationSeconds
        self.isrc = isrc
        self.lastModified = lastModified
    }

    /// The title SwingMusic shows ("(feat. …)", "(prod. …)" and remaster notes removed as its settings say).
    package var title: String { shown.title }
    /// The artists SwingMusic shows, featured ones included.
    package var artists: [String] { shown.artists }
    package var albumArtists: [String] { shown.albumArtists }
    /// The album title SwingMusic shows.
    package var album: String { shown.album }
    /// SwingMusic's runtime track hash, which its scrobbles carry: copies of one song share it.
    package var trackhash: String { shown.trackhash }

    /// What the matcher compares; the album artists stand in when the file names no artist.
    package var localTrack: LocalTrack {
        LocalTrack(
            title: PythonText.strip(title), artists: artists.isEmpty ? albumArtists : artists, album: album,
            durationSeconds: durationSeconds > 0 ? durationSeconds : nil, isrc: isrc)
    }

    /// Changes when one of the tags the matcher reads changes, so only those files are matched again.
    ///
    /// A hash of title, artists, album, duration and ISRC (``LocalTrack/fingerprint``), not SwingMusic's
    /// `last_mod`: that one moves whenever the file is touched, and its `trackhash` leaves out duration and ISRC.
    package var fingerprint: String { localTrack.fingerprint }
}
