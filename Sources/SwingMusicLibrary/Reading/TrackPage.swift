/// One batch of library tracks, and where the next batch starts.
package struct TrackPage: Sendable {
    package var tracks: [LibraryTrack]
    /// Pass to ``SwingMusicLibrary/tracks(after:limit:)`` for the next batch; nil after the last one.
    package var next: Position?

    /// A place in the track table: after the row with this id. Rows are read in id order, so rows added while a
    /// reading goes on come in a later batch, and no row comes twice.
    package struct Position: Hashable, Sendable {
        let rowID: Int64
    }
}
