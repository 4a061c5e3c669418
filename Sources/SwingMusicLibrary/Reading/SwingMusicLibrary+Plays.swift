import Foundation
import GRDB

extension SwingMusicLibrary {
    /// Local plays per song, as SwingMusic counts them: the rows of `scrobble` grouped by their `trackhash`, for one
    /// user (SwingMusic's `user.username`) or for all, counted in SQL.
    ///
    /// A scrobble carries SwingMusic's runtime hash (``LibraryTrack/trackhash``), not the `track.trackhash` column,
    /// so copies of one song share its plays, and rows restored from a backup without `extra` count like the others.
    /// A hash that names no track of the library is in the answer too: ``SongPlays/unmatched(byTrackhash:)`` finds
    /// them. The whole answer comes from one statement, so it is one committed state even while SwingMusic writes.
    /// Plays `swingcache publish` imported from Last.fm or ListenBrainz (``importedBySwingcache``) are left out.
    package func localPlays(user: String? = nil) throws(SwingMusicLibraryError) -> SongPlays {
        let path = path
        return try read { db in
            try Self.requireColumns(["trackhash", "timestamp", "userid"], in: "scrobble", db: db, path: path)
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let user {
                conditions.append("userid = ?")
                arguments = [try Self.userID(named: user, db: db, path: path)]
            }
            // Plays swingcache imported from Last.fm or ListenBrainz are those services' plays: the hybrid count
            // has them from there already.
            if try db.columns(in: "scrobble").contains(where: { $0.name.lowercased() == "extra" }) {
                conditions.append("NOT \(Self.importedBySwingcache)")
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT CAST(trackhash AS TEXT) AS trackhash, COUNT(*) AS plays, MAX(timestamp) AS lastPlayed
                    FROM scrobble \(filter)
                    GROUP BY CAST(trackhash AS TEXT)
                    """,
                arguments: arguments)
            var plays: [String: LocalPlays] = [:]
            while let row = try rows.next() {
                let last: Double? = row["lastPlayed"]
                plays[row["trackhash"] ?? ""] = LocalPlays(
                    count: row["plays"], lastPlayedAt: last.flatMap { $0 > 0 ? Date(timeIntervalSince1970: $0) : nil })
            }
            return SongPlays(byTrackhash: plays)
        }
    }

    /// Whether a `scrobble` row is a play swingcache imported (`swingcache publish`): its `extra` names the service.
    package static let importedBySwingcache =
        "(CASE WHEN json_valid(extra) THEN json_extract(extra, '$.swingcache') IS NOT NULL ELSE 0 END)"

    /// Every play SwingMusic holds for `user` (those of `times` alone, when given): its song's runtime hash and its
    /// time, oldest first; what a history import compares with, so no play is written twice, and reads back after a
    /// restore.
    package func scrobbles(user: String, times: ClosedRange<Int>? = nil) throws(SwingMusicLibraryError) -> [Scrobble] {
        let path = path
        return try read { db in
            try Self.requireColumns(["trackhash", "timestamp", "userid"], in: "scrobble", db: db, path: path)
            let userID = try Self.userID(named: user, db: db, path: path)
            let hasExtra = try db.columns(in: "scrobble").contains { $0.name.lowercased() == "extra" }
            var arguments: StatementArguments = [userID]
            if let times { arguments += [times.lowerBound, times.upperBound] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST(trackhash AS TEXT) AS trackhash, timestamp,
                        \(hasExtra ? Self.importedBySwingcache : "0") AS imported
                    FROM scrobble WHERE userid = ? \(times == nil ? "" : "AND timestamp BETWEEN ? AND ?")
                    ORDER BY timestamp
                    """,
                arguments: arguments
            ).map { row in
                Scrobble(trackhash: row["trackhash"] ?? "", timestamp: row["timestamp"], imported: row["imported"])
            }
        }
    }

    /// SwingMusic's id of the user `name`.
    package func userID(named name: String) throws(SwingMusicLibraryError) -> Int64 {
        let path = path
        return try read { db in try Self.userID(named: name, db: db, path: path) }
    }

    /// The names of SwingMusic's users, in id order.
    package func userNames() throws(SwingMusicLibraryError) -> [String] {
        let path = path
        return try read { db in
            try Self.requireColumns(["id", "username"], in: "user", db: db, path: path)
            return try String.fetchAll(db, sql: "SELECT username FROM \"user\" ORDER BY id")
        }
    }

    private static func userID(named name: String, db: Database, path: String) throws -> Int64 {
        try requireColumns(["id", "username"], in: "user", db: db, path: path)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM \"user\" WHERE username = ?", arguments: [name]) {
            return id
        }
        let known = try String.fetchAll(db, sql: "SELECT username FROM \"user\" ORDER BY id")
        throw SwingMusicLibraryError(path: path, problem: .unknownUser(name, known: known))
    }
}
