import Foundation

/// The plays SwingMusic recorded for one file.
package struct LocalPlays: Hashable, Sendable {
    /// Rows in `scrobble` for the file.
    package var count: Int
    /// The most recent play; nil when no row has a usable timestamp.
    package var lastPlayedAt: Date?

    package init(count: Int, lastPlayedAt: Date?) {
        self.count = count
        self.lastPlayedAt = lastPlayedAt
    }
}
