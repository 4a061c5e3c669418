import Foundation

/// The order library files are matched in, so a day's quota goes to the songs a person plays: the most played first
/// (SwingMusic's plays and the history `publish` imported), then the most recently added, then by path.
///
/// ```swift
/// let order = MatchingOrder(files)          // files: [MatchingOrder.File]
/// order.files.first?.filepath               // the most played file
/// order.share(ofFirst: 340)                 // 0.81: what the first 340 hold of the plays of all of them
/// ```
package struct MatchingOrder: Hashable, Sendable {
    /// One file waiting to be matched.
    package struct File: Hashable, Sendable {
        package var filepath: String
        /// The person's plays of the file's song: SwingMusic's own, and those imported from Last.fm or ListenBrainz.
        package var plays: Int
        /// When it came into the library, as SwingMusic knows it; nil when unknown (after every known time).
        package var addedAt: Date?

        package init(filepath: String, plays: Int, addedAt: Date?) {
            self.filepath = filepath
            self.plays = plays
            self.addedAt = addedAt
        }
    }

    /// The files, first to match first.
    package let files: [File]
    /// The plays of all of them.
    package let plays: Int

    package init(_ files: [File]) {
        self.files = files.sorted(by: Self.precedes)
        plays = files.reduce(0) { $0 + $1.plays }
    }

    /// The share (0–1) of ``plays`` the first `count` files hold; nil when no file has a play.
    package func share(ofFirst count: Int) -> Double? {
        guard plays > 0 else { return nil }
        return Double(files.prefix(max(0, count)).reduce(0) { $0 + $1.plays }) / Double(plays)
    }

    /// Whether `a` is matched before `b`.
    static func precedes(_ a: File, _ b: File) -> Bool {
        if a.plays != b.plays { return a.plays > b.plays }
        switch (a.addedAt, b.addedAt) {
        case (let first?, let second?) where first != second: return first > second
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.filepath < b.filepath
        }
    }
}
