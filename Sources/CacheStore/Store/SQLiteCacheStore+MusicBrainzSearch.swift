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

    /// `swingcache_library` as v2 made it, but a file with no ISRC of its own or from its match takes the one a
    /// MusicBrainz search learned (for its genres, tags and links), and the search's genres where that gave no ISRC.
    static let schemaV9Library = """
        DROP VIEW swingcache_library;
        CREATE VIEW swingcache_library AS
            SELECT lt.filepath, lt.title,
                (SELECT group_concat(value, ', ') FROM json_each(lt.artists)) AS artists,
                lt.album, lt.duration_seconds, lt.isrc, lt.local_play_count,
                datetime(lt.last_played_at, 'unixepoch') AS last_played_at,
                m.outcome AS match_outcome, m.method AS match_method, m.confidence AS match_confidence,
                m.fingerprint = lt.fingerprint AS match_is_current,
                t.id AS spotify_id, t.name AS spotify_name,
                (SELECT group_concat(value, ', ') FROM json_each(t.artist_names)) AS spotify_artists,
                t.album_name AS spotify_album, t.isrc AS spotify_isrc, t.duration_ms AS spotify_duration_ms,
                t.popularity AS spotify_popularity, t.release_date AS spotify_release_date,
                t.image_url AS spotify_image_url,
                coalesce(json_extract(mb.mbids, '$[0]'), ms.mbid) AS mbid, coalesce(mb.genres, ms.genres) AS genres,
                coalesce(mb.tags, ms.tags) AS musicbrainz_tags,
                lf.tags AS lastfm_tags, lf.url AS lastfm_url,
                (SELECT json_group_object(l.platform, l.url) FROM track_link AS l
                 WHERE l.isrc = coalesce(lt.isrc, t.isrc, ms.isrc) AND l.url IS NOT NULL) AS links,
                pc.totalCombined AS total_play_count,
                datetime(lt.seen_at, 'unixepoch') AS seen_at
            FROM library_track AS lt
            LEFT JOIN track_match AS m ON m.filepath = lt.filepath
            LEFT JOIN track AS t ON t.id = m.spotify_id AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
            LEFT JOIN musicbrainz_search AS ms
                ON ms.filepath = lt.filepath AND ms.fingerprint = lt.fingerprint AND ms.missing_reason IS NULL
            LEFT JOIN musicbrainz_recording AS mb
                ON mb.isrc = coalesce(lt.isrc, t.isrc, ms.isrc) AND mb.missing_reason IS NULL
            LEFT JOIN lastfm_track AS lf
                ON lf.artist = lt.lastfm_artist AND lf.title = lt.lastfm_title AND lf.missing_reason IS NULL
            LEFT JOIN swingcache_play_counts AS pc ON pc.filepath = lt.filepath;
        """

    /// The library files with no ISRC, neither their own tag nor their matched Spotify track's, in path order:
    /// the files MusicBrainz is asked about by a recording search.
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
                    ORDER BY lt.filepath
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
