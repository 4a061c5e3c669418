import Foundation
import GRDB

extension SwingMusicLibrary {
    /// Local plays per file: the rows of `scrobble`, grouped by the file path each names in its `extra` JSON,
    /// counted in SQL; for one user (SwingMusic's `user.username`) or for all.
    ///
    /// Rows are joined by path, not by `trackhash`: the hash SwingMusic stores in `track` is not the one its
    /// server computes at run time. A file that was played and then removed from the library still has its count.
    /// The whole answer comes from one statement, so it is one committed state even while SwingMusic writes.
    public func localPlays(user: String? = nil) throws(SwingMusicLibraryError) -> [String: LocalPlays] {
        let path = path
        return try read { db in
            try Self.requireColumns(["extra", "timestamp", "userid"], in: "scrobble", db: db, path: path)
            var filter = ""
            var arguments: StatementArguments = []
            if let user {
                filter = "WHERE userid = ?"
                arguments = [try Self.userID(named: user, db: db, path: path)]
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT filepath, COUNT(*) AS plays, MAX(timestamp) AS lastPlayed
                    FROM (SELECT CASE WHEN json_valid(extra) THEN json_extract(extra, '$.filepath') END AS filepath,
                                 timestamp
                          FROM scrobble \(filter))
                    WHERE typeof(filepath) = 'text' AND filepath <> ''
                    GROUP BY filepath
                    """,
                arguments: arguments)
            var plays: [String: LocalPlays] = [:]
            while let row = try rows.next() {
                let last: Double? = row["lastPlayed"]
                plays[row["filepath"]] = LocalPlays(
                    count: row["plays"], lastPlayedAt: last.flatMap { $0 > 0 ? Date(timeIntervalSince1970: $0) : nil })
            }
            return plays
        }
    }

    /// The names of SwingMusic's users, in id order.
    public func userNames() throws(SwingMusicLibraryError) -> [String] {
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
