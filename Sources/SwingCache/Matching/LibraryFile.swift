/// A library file as the matcher and the providers' searches see it: its path, the fingerprint of the tags it was
/// stored with, and those tags.
///
/// ```swift
/// let file = LibraryFile(filepath: "/music/a.flac", fingerprint: track.fingerprint, track: track)
/// ```
package struct LibraryFile: Hashable, Sendable {
    package var filepath: String
    package var fingerprint: String
    package var track: LocalTrack

    package init(filepath: String, fingerprint: String, track: LocalTrack) {
        self.filepath = filepath
        self.fingerprint = fingerprint
        self.track = track
    }
}
