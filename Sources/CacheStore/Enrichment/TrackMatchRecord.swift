import Foundation
import SwingCache

/// The matcher's decision for one file, and the fingerprint of the tags it was made for.
public struct TrackMatchRecord: Hashable, Sendable {
    public var filepath: String
    /// The file's fingerprint when it was matched: a match whose fingerprint is not the file's current one is
    /// stale and not used.
    public var fingerprint: String
    public var match: TrackMatch
    public var matchedAt: Date

    public init(filepath: String, fingerprint: String, match: TrackMatch, matchedAt: Date) {
        self.filepath = filepath
        self.fingerprint = fingerprint
        self.match = match
        self.matchedAt = matchedAt
    }
}
