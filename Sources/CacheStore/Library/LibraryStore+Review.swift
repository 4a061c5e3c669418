import Foundation
import GRDB
import SwingCache

extension LibraryStore {
    /// Every file whose match for its current tags is not used and that no person decided, in path order.
    package func reviewQueue() async throws -> [ReviewItem] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT lt.filepath, lt.title, lt.artists, lt.album, lt.isrc, m.outcome, m.confidence,
                        c.candidates
                    FROM library_track AS lt
                    JOIN track_match AS m ON m.filepath = lt.filepath AND m.fingerprint = lt.fingerprint
                    LEFT JOIN match_candidate AS c ON c.filepath = lt.filepath AND c.fingerprint = lt.fingerprint
                    LEFT JOIN match_decision AS d ON d.filepath = lt.filepath AND d.fingerprint = lt.fingerprint
                    WHERE m.outcome IN ('lowConfidence', 'ambiguous', 'noCandidates') AND d.filepath IS NULL
                    ORDER BY lt.filepath
                    """)
            return try rows.map { row in
                ReviewItem(
                    filepath: row["filepath"], title: row["title"], artists: try JSONStringList.read(row["artists"]),
                    album: row["album"], isrc: row["isrc"], outcome: row["outcome"], confidence: row["confidence"],
                    candidates: try (row["candidates"] as String?).map {
                        try JSONDecoder().decode([MatchCandidate].self, from: Data($0.utf8))
                    } ?? [])
            }
        }
    }

    /// Records that `spotifyID` is `filepath`'s track: its match from now on, until the file's tags change.
    package func pinMatch(filepath: String, spotifyID: String, at time: Date) async throws {
        try await decide(filepath: filepath, kind: .pinned, spotifyID: spotifyID, at: time)
    }

    /// Records that none of the candidates is `filepath`'s track: it stays unmatched until its tags change.
    package func rejectMatch(filepath: String, at time: Date) async throws {
        try await decide(filepath: filepath, kind: .rejected, spotifyID: nil, at: time)
    }

    /// The decision a person made for `filepath`, if any.
    package func matchDecision(filepath: String) async throws -> MatchDecision? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT d.decision, d.spotify_id, d.decided_at, d.fingerprint = lt.fingerprint AS current
                    FROM match_decision AS d LEFT JOIN library_track AS lt ON lt.filepath = d.filepath
                    WHERE d.filepath = ?
                    """, arguments: [filepath]
            ).flatMap { row in
                MatchDecision.Kind(rawValue: row["decision"]).map { kind in
                    MatchDecision(
                        kind: kind, spotifyID: row["spotify_id"],
                        decidedAt: Date(timeIntervalSince1970: row["decided_at"]), current: row["current"] ?? false)
                }
            }
        }
    }

    /// Writes the decision and makes it the file's match, in one transaction.
    private func decide(filepath: String, kind: MatchDecision.Kind, spotifyID: String?, at time: Date) async throws {
        try await writer.write { db in
            guard
                let fingerprint = try String.fetchOne(
                    db, sql: "SELECT fingerprint FROM library_track WHERE filepath = ?", arguments: [filepath])
            else { throw ReviewError.notInLibrary(filepath) }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO match_decision (filepath, fingerprint, decision, spotify_id, decided_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [filepath, fingerprint, kind.rawValue, spotifyID, time.timeIntervalSince1970])
            let match = TrackMatch(
                method: .pinned, outcome: kind == .pinned ? .matched : .rejected, spotifyID: spotifyID,
                confidence: kind == .pinned ? 1 : 0)
            try TrackMatchRecord(filepath: filepath, fingerprint: fingerprint, match: match, matchedAt: time).insert(db)
        }
    }
}
