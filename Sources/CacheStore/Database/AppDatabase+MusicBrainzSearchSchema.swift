import Foundation
import GRDB
import SwingCache

extension AppDatabase {
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
}
