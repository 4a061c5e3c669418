import Foundation

/// The plays SwingMusic recorded for one file.
public struct LocalPlays: Hashable, Sendable {
    /// Rows in `scrobble` for the file.
    public var count: Int
    /// The most recent play; nil when no row has a usable timestamp.
    public var lastPlayedAt: Date?

    public init(count: Int, lastPlayedAt: Date?) {
        self.count = count
        self.lastPlayedAt = lastPlayedAt
    }
}
