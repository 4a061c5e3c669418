import Foundation
import GRDB
import SwingCache

extension SQLiteCacheStore {
    /// The `musicbrainz_search` table: what a MusicBrainz recording search found for a file without an ISRC.
    static let schemaV9MusicBrainzSearch = """
        CREATE TABLE musicbrainz_search (
            filepath TEXT PRIMARY KEY NOT NULL REFERENCES library_track(filepath) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            mbid TEXT,
            isrc TEXT,
            genres TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            score INTEGER,
            missing_reason TEXT,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX musicbrainz_search_isrc ON musicbrainz_search(isrc);
        """

    /// `swingcache_play_counts` and `swingcache_library` as v2 made them, but a file with no ISRC of its own or from
    /// its match takes the one a MusicBrainz search learned (for its ListenBrainz listens, genres, tags and links),
    /// and the search's genres where that gave no ISRC. Their columns stay as they were.
    ///
    /// Made from v2's text, which never changes (a shipped migration), by the edits below, so the two read as one
    /// definition and its difference.
    static let schemaV9Views: String = {
        let v2 = schemaV2Enrichment
        let playCounts = v2.range(of: "CREATE VIEW swingcache_play_counts AS")!
        let library = v2.range(of: "CREATE VIEW swingcache_library AS")!
        let learned = """
            LEFT JOIN musicbrainz_search AS ms
                ON ms.filepath = lt.filepath AND ms.fingerprint = lt.fingerprint AND ms.missing_reason IS NULL
            """
        func edited(_ text: Substring, _ edits: [(String, String)]) -> String {
            edits.reduce(String(text)) { text, edit in
                precondition(text.contains(edit.0), "v2's view no longer reads '\(edit.0)'")
                return text.replacingOccurrences(of: edit.0, with: edit.1)
            }
        }
        let isrc = ("coalesce(lt.isrc, t.isrc)", "coalesce(lt.isrc, t.isrc, ms.isrc)")
        return "DROP VIEW swingcache_library;\nDROP VIEW swingcache_play_counts;\n"
            + edited(
                v2[playCounts.lowerBound..<library.lowerBound],
                [isrc, ("LEFT JOIN lastfm_track AS lf", learned + "\nLEFT JOIN lastfm_track AS lf")])
            + edited(
                v2[library.lowerBound...],
                [
                    isrc,
                    (
                        "json_extract(mb.mbids, '$[0]') AS mbid, mb.genres AS genres, mb.tags AS musicbrainz_tags",
                        "coalesce(json_extract(mb.mbids, '$[0]'), ms.mbid) AS mbid, coalesce(mb.genres, ms.genres) "
                            + "AS genres, coalesce(mb.tags, ms.tags) AS musicbrainz_tags"
                    ),
                    ("LEFT JOIN musicbrainz_recording AS mb", learned + "\nLEFT JOIN musicbrainz_recording AS mb"),
                ])
    }()

    /// The library files with no ISRC, neither their own tag nor their matched Spotify track's, the most played in
    /// SwingMusic first (then in path order): the files MusicBrainz is asked about by a recording search.
    package func libraryFilesWithoutISRC() throws -> [LibraryTrackRecord] {
        try writer.read { db in
            try LibraryTrackRow.fetchAll(
                db,
                sql: """
                    SELECT lt.* FROM library_track AS lt
                    LEFT JOIN track_match AS m
                        ON m.filepath = lt.filepath AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
                    LEFT JOIN track AS t ON t.id = m.spotify_id
                    WHERE lt.isrc IS NULL AND t.isrc IS NULL
                    ORDER BY lt.local_play_count DESC, lt.filepath
                    """
            ).map(\.track)
        }
    }

    /// The ISRC a MusicBrainz search learned for each of `filepaths` that has one, for the file's current tags.
    package func musicBrainzLearnedISRCs(_ filepaths: [String]) throws -> [String: String] {
        guard !filepaths.isEmpty else { return [:] }
        return try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.filepath, s.isrc
                    FROM json_each(?) AS wanted CROSS JOIN musicbrainz_search AS s ON s.filepath = wanted.value
                    JOIN library_track AS lt ON lt.filepath = s.filepath AND lt.fingerprint = s.fingerprint
                    WHERE s.isrc IS NOT NULL AND s.missing_reason IS NULL
                    """,
                arguments: [JSONStringList.encode(filepaths)])
            var isrcs: [String: String] = [:]
            while let row = try rows.next() { isrcs[row[0]] = row[1] }
            return isrcs
        }
    }

    /// The ISRC a MusicBrainz search learned for `file`'s current tags, if any.
    static func musicBrainzLearnedISRC(of file: LibraryTrackRecord, in db: Database) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT isrc FROM musicbrainz_search
                WHERE filepath = ? AND fingerprint = ? AND isrc IS NOT NULL AND missing_reason IS NULL
                """,
            arguments: [file.filepath, file.fingerprint])
    }

    /// The state of each search fact among `keys` (filepath, fingerprint); a fact for other tags is absent.
    static func musicBrainzSearchStates(
        _ keys: [[String]], in db: Database
    ) throws -> [EnrichmentKey: CacheEntryState] {
        guard !keys.isEmpty else { return [:] }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT f.filepath, f.fingerprint, f.missing_reason, f.fetched_at, f.expires_at
                FROM json_each(?) AS wanted CROSS JOIN musicbrainz_search AS f
                    ON f.filepath = json_extract(wanted.value, '$[0]')
                    AND f.fingerprint = json_extract(wanted.value, '$[1]')
                """,
            arguments: [try json(keys)])
        var states: [EnrichmentKey: CacheEntryState] = [:]
        while let row = try rows.next() {
            states[.musicbrainzSearch(filepath: row[0], fingerprint: row[1])] = state(row, from: 2)
        }
        return states
    }
}
