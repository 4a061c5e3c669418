import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// The Last.fm keys of every library file, each once.
    package func libraryLastfmKeys() async throws -> [LastfmTrackKey] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT DISTINCT lastfm_artist, lastfm_title FROM library_track ORDER BY lastfm_artist, lastfm_title"
            ).map { LastfmTrackKey(artist: $0[0], title: $0[1]) }
        }
    }

    /// The ISRC of every library file, each once: the file's own, else the one of the Spotify track it currently
    /// matches, else the one a MusicBrainz recording search learned for its tags.
    package func libraryISRCs() async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT coalesce(lt.isrc, t.isrc, s.isrc) AS isrc
                    FROM library_track AS lt
                    LEFT JOIN track_match AS m ON m.filepath = lt.filepath
                    LEFT JOIN track AS t
                        ON t.id = m.spotify_id AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
                    LEFT JOIN musicbrainz_search AS s
                        ON s.filepath = lt.filepath AND s.fingerprint = lt.fingerprint AND s.missing_reason IS NULL
                    WHERE coalesce(lt.isrc, t.isrc, s.isrc) IS NOT NULL
                    ORDER BY isrc
                    """)
        }
    }

    /// The recording mbids stored MusicBrainz facts name for `isrcs`, each once.
    package func recordingMBIDs(forISRCs isrcs: [String]) async throws -> [String] {
        guard !isrcs.isEmpty else { return [] }
        let wanted = JSONStringList.encode(isrcs)
        return try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT j.value
                    FROM json_each(?) AS wanted
                    CROSS JOIN musicbrainz_recording AS r ON r.isrc = wanted.value, json_each(r.mbids) AS j
                    WHERE r.missing_reason IS NULL
                    ORDER BY j.value
                    """,
                arguments: [wanted])
        }
    }
}
