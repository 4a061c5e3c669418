import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// The library files with no ISRC, neither their own tag nor their matched Spotify track's, the most played in
    /// SwingMusic first (then in path order): the files MusicBrainz is asked about by a recording search.
    package func libraryFilesWithoutISRC() async throws -> [LibraryFile] {
        try await writer.read { db in
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
            ).map {
                LibraryFile(filepath: $0.track.filepath, fingerprint: $0.track.fingerprint, track: $0.track.localTrack)
            }
        }
    }

    /// The ISRC a MusicBrainz search learned for each of `filepaths` that has one, for the file's current tags.
    package func musicBrainzLearnedISRCs(_ filepaths: [String]) async throws -> [String: String] {
        guard !filepaths.isEmpty else { return [:] }
        return try await writer.read { db in
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
