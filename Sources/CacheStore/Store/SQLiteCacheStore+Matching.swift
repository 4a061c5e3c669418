import Foundation
import GRDB
import SwingCache

/// How many library files need matching, and how many of them have an ISRC (each may cost a second search).
package struct MatchingBacklog: Hashable, Sendable {
    package var files: Int
    package var withISRC: Int

    package init(files: Int, withISRC: Int) {
        self.files = files
        self.withISRC = withISRC
    }
}

extension SQLiteCacheStore {
    /// Library files with no match, or a match made for another fingerprint, after `filepath` in path order.
    ///
    /// Page through with the last path of each page, so a file whose search failed is not read again in the run:
    /// ```swift
    /// var after: String?
    /// while case let page = try store.libraryTracksNeedingMatching(after: after, limit: 100), !page.isEmpty {
    ///     after = page.last?.filepath
    /// }
    /// ```
    package func libraryTracksNeedingMatching(after filepath: String?, limit: Int) throws -> [LibraryTrackRecord] {
        try writer.read { db in
            try LibraryTrackRow.fetchAll(
                db,
                sql: """
                    SELECT lt.* FROM library_track AS lt LEFT JOIN track_match AS m ON m.filepath = lt.filepath
                    WHERE (m.filepath IS NULL OR m.fingerprint <> lt.fingerprint) AND lt.filepath > ?
                    ORDER BY lt.filepath LIMIT ?
                    """,
                arguments: [filepath ?? "", max(1, limit)]
            ).map(\.track)
        }
    }

    /// How many library files need matching.
    package func matchingBacklog() throws -> MatchingBacklog {
        try writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COUNT(lt.isrc) FROM library_track AS lt
                    LEFT JOIN track_match AS m ON m.filepath = lt.filepath
                    WHERE m.filepath IS NULL OR m.fingerprint <> lt.fingerprint
                    """)
            return MatchingBacklog(files: row?[0] ?? 0, withISRC: row?[1] ?? 0)
        }
    }

    /// The Spotify track ids of every current, usable match (made for the file's fingerprint, outcome
    /// `matched`), each once, in id order.
    package func matchedSpotifyTrackIDs() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT m.spotify_id FROM track_match AS m
                    JOIN library_track AS lt ON lt.filepath = m.filepath AND lt.fingerprint = m.fingerprint
                    WHERE m.outcome = 'matched' AND m.spotify_id IS NOT NULL
                    ORDER BY m.spotify_id
                    """)
        }
    }

    /// How each of `filepaths` was last matched: the fingerprint it was matched for, and the ISRC of the Spotify
    /// track it matched (nil when it matched none, or that track is not stored); files never matched are left out.
    ///
    /// Read-only, for a plan: a file whose fingerprint differs from this one (or is absent) needs matching.
    package func storedMatches(for filepaths: [String]) throws -> [String: StoredMatch] {
        try writer.read { db in
            var matches: [String: StoredMatch] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.filepath, m.fingerprint, t.isrc FROM json_each(?) AS wanted
                    CROSS JOIN track_match AS m ON m.filepath = wanted.value
                    LEFT JOIN track AS t ON t.id = m.spotify_id AND m.outcome = 'matched'
                    """,
                arguments: [JSONStringList.encode(filepaths)])
            while let row = try rows.next() { matches[row[0]] = StoredMatch(fingerprint: row[1], isrc: row[2]) }
            return matches
        }
    }

}
