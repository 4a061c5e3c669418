/// One play as SwingMusic's `scrobble` table holds it.
package struct Scrobble: Hashable, Sendable {
    /// The song's runtime hash.
    package var trackhash: String
    /// When it was played, Unix seconds.
    package var timestamp: Int
    /// Whether swingcache imported it from a listening history.
    package var imported: Bool

    package init(trackhash: String, timestamp: Int, imported: Bool = false) {
        self.trackhash = trackhash
        self.timestamp = timestamp
        self.imported = imported
    }
}
