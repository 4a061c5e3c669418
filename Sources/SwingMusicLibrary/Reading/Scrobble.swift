/// One play as SwingMusic's `scrobble` table holds it.
public struct Scrobble: Hashable, Sendable {
    /// The song's runtime hash.
    public var trackhash: String
    /// When it was played, Unix seconds.
    public var timestamp: Int
    /// Whether swingcache imported it from a listening history.
    public var imported: Bool

    public init(trackhash: String, timestamp: Int, imported: Bool = false) {
        self.trackhash = trackhash
        self.timestamp = timestamp
        self.imported = imported
    }
}
