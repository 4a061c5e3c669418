import Foundation
import GRDB
import SwingCache

extension AppDatabase {
    /// The view `swingcache_library_popularity` and `swingcache_library` made again with its blend after its columns
    /// (issue 25): the rule of ``LibraryPopularity`` in SQL, computed on each read so it never goes stale.
    static let schemaV13LibraryPopularity =
        libraryPopularityView + "\nDROP VIEW swingcache_library;\n" + libraryView(showing: ISRCFactTable.registered)

    /// Per library file: Spotify's popularity, each source's figure with its fetch time and its percentile among the
    /// library's songs with that figure (each song once, by the key the source is asked with), and their mean.
    static let libraryPopularityView = """
        CREATE VIEW swingcache_library_popularity AS
            WITH file AS (
                SELECT lt.filepath, coalesce(lt.isrc, t.isrc, ms.isrc) AS isrc, lt.lastfm_artist, lt.lastfm_title,
                    t.popularity AS spotifyPopularity
                FROM library_track AS lt
                LEFT JOIN track_match AS m
                    ON m.filepath = lt.filepath AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
                LEFT JOIN track AS t ON t.id = m.spotify_id
                LEFT JOIN musicbrainz_search AS ms
                    ON ms.filepath = lt.filepath AND ms.fingerprint = lt.fingerprint AND ms.missing_reason IS NULL
            ),
            deezer AS (
                SELECT d.isrc, d.rank AS figure, d.fetched_at FROM deezer_track AS d
                WHERE d.rank IS NOT NULL AND d.missing_reason IS NULL AND d.isrc IN (SELECT isrc FROM file)
            ),
            lastfm AS (
                SELECT lf.artist, lf.title, lf.listeners AS figure, lf.fetched_at FROM lastfm_track AS lf
                WHERE lf.listeners IS NOT NULL AND lf.missing_reason IS NULL
                    AND EXISTS (SELECT 1 FROM file WHERE lastfm_artist = lf.artist AND lastfm_title = lf.title)
            ),
            listenbrainz AS (
                SELECT r.isrc, SUM(p.listen_count) AS figure, MIN(p.fetched_at) AS fetched_at
                FROM musicbrainz_recording AS r, json_each(r.mbids) AS j
                JOIN listenbrainz_popularity AS p ON p.mbid = j.value
                WHERE r.isrc IN (SELECT isrc FROM file) AND p.listen_count IS NOT NULL
                GROUP BY r.isrc
            ),
            \(["deezer", "lastfm", "listenbrainz"].map(ranked).joined(separator: ",\n"))
            SELECT f.filepath, f.spotifyPopularity,
                d.figure AS deezerRank, d.percentile AS deezerPercentile,
                datetime(d.fetched_at, 'unixepoch') AS deezerFetchedAt,
                l.figure AS lastfmListeners, l.percentile AS lastfmPercentile,
                datetime(l.fetched_at, 'unixepoch') AS lastfmFetchedAt,
                b.figure AS listenbrainzListenCount, b.percentile AS listenbrainzPercentile,
                datetime(b.fetched_at, 'unixepoch') AS listenbrainzFetchedAt,
                CAST(round((coalesce(d.percentile, 0) + coalesce(l.percentile, 0) + coalesce(b.percentile, 0))
                    / ((d.percentile IS NOT NULL) + (l.percentile IS NOT NULL) + (b.percentile IS NOT NULL)))
                    AS INTEGER) AS libraryPopularity,
                nullif(substr(CASE WHEN d.figure IS NOT NULL THEN ',deezer' ELSE '' END
                    || CASE WHEN l.figure IS NOT NULL THEN ',lastfm' ELSE '' END
                    || CASE WHEN b.figure IS NOT NULL THEN ',listenbrainz' ELSE '' END, 2), '') AS libraryPopularitySources
            FROM file AS f
            LEFT JOIN deezerRanked AS d ON d.isrc = f.isrc
            LEFT JOIN lastfmRanked AS l ON l.artist = f.lastfm_artist AND l.title = f.lastfm_title
            LEFT JOIN listenbrainzRanked AS b ON b.isrc = f.isrc;
        """

    /// Runs the migration of the fact table `table`, registered after `earlier` (``ISRCFactTable/migrationSQL``).
    /// Once v13 has run, a table that shows figures makes `swingcache_library` again with the library popularity
    /// still after every other column.
    package static func create(_ table: ISRCFactTable, after earlier: [ISRCFactTable], _ db: Database) throws {
        try db.execute(sql: ISRCFactTable.migrationSQL(of: table, after: earlier))
        if !table.libraryFigures.isEmpty, try db.viewExists("swingcache_library_popularity") {
            try db.execute(sql: "DROP VIEW swingcache_library;\n" + libraryView(showing: earlier + [table]))
        }
    }

    /// The CTE `SOURCERanked`: the rows of the CTE `source` with each figure's percentile among them, ties at the
    /// mean of their ranks, one row alone at 50 (``LibraryPopularity/percentiles(of:)``).
    private static func ranked(_ source: String) -> String {
        """
        \(source)Ranked AS (
            SELECT *, CASE WHEN count(*) OVER () = 1 THEN 50.0
                ELSE 100.0 * (rank() OVER (ORDER BY figure) - 1
                    + (count(*) OVER (PARTITION BY figure) - 1) / 2.0) / (count(*) OVER () - 1) END AS percentile
            FROM \(source)
        )
        """
    }

    /// `swingcache_library` as the fact tables' registry makes it (``ISRCFactTable/libraryView(showing:)``), with
    /// the library popularity and its sources after every other column.
    package static func libraryView(showing tables: [ISRCFactTable]) -> String {
        let view = ISRCFactTable.libraryView(showing: tables)
        let from = "\n    FROM library_track AS lt"
        let playCounts = "LEFT JOIN swingcache_play_counts AS pc ON pc.filepath = lt.filepath"
        precondition(view.contains(from) && view.contains(playCounts), "swingcache_library no longer reads as v9's")
        return
            view
            .replacingOccurrences(
                of: from,
                with: ",\n    lp.libraryPopularity AS library_popularity,"
                    + " lp.libraryPopularitySources AS library_popularity_sources" + from
            )
            .replacingOccurrences(
                of: playCounts,
                with: playCounts + "\nLEFT JOIN swingcache_library_popularity AS lp ON lp.filepath = lt.filepath")
    }
}
