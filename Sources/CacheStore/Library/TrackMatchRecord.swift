import Foundation
import GRDB
import SwingCache

/// The matcher's decision for one file, and the fingerprint of the tags it was made for.
package struct TrackMatchRecord: Hashable, Sendable {
    package var filepath: String
    /// The file's fingerprint when it was matched: a match whose fingerprint is not the file's current one is
    /// stale and not used.
    package var fingerprint: String
    package var match: TrackMatch
    package var matchedAt: Date

    package init(filepath: String, fingerprint: String, match: TrackMatch, matchedAt: Date) {
        self.filepath = filepath
        self.fingerprint = fingerprint
        self.match = match
        self.matchedAt = matchedAt
    }
}

/// A row of `track_match`; a write replaces the file's match. The candidates it weighed are kept in
/// `match_candidate`.
extension TrackMatchRecord: FetchableRecord, PersistableRecord {
    package static let databaseTableName = "track_match"
    package static var persistenceConflictPolicy: PersistenceConflictPolicy {
        .init(insert: .replace, update: .replace)
    }

    package init(row: Row) throws {
        self.init(
            filepath: row["filepath"], fingerprint: row["fingerprint"],
            match: TrackMatch(
                method: TrackMatch.Method(rawValue: row["method"]) ?? .search,
                outcome: TrackMatch.Outcome(rawValue: row["outcome"]) ?? .noCandidates, spotifyID: row["spotify_id"],
                confidence: row["confidence"], runnerUpID: row["runner_up_id"]),
            matchedAt: Date(timeIntervalSince1970: row["matched_at"]))
    }

    package func encode(to container: inout PersistenceContainer) throws {
        container["filepath"] = filepath
        container["fingerprint"] = fingerprint
        container["method"] = match.method.rawValue
        container["outcome"] = match.outcome.rawValue
        container["spotify_id"] = match.spotifyID
        container["confidence"] = match.confidence
        container["runner_up_id"] = match.runnerUpID
        container["matched_at"] = matchedAt.timeIntervalSince1970
    }
}
