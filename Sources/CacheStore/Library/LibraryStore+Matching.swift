import Foundation
import GRDB
import SwingCache

extension LibraryStore {
    /// Library files with no match, a match made for another fingerprint, or one left for review before MusicBrainz
    /// told what it knows of the file's artists (``FactStore/knownArtists(_:)``), in the order a run matches them
    /// (``MatchingOrder``): each with its plays — SwingMusic's own and the history `publish` imported — and when it
    /// was added.
    ///
    /// Read once at the start of matching, then the files a page at a time, so a file whose search failed is not read
    /// again in the run:
    /// ```swift
    /// let order = try await store.libraryFilesNeedingMatching()
    /// for start in stride(from: 0, to: order.files.count, by: 100) {
    ///     let page = try await store.libraryTracks(order.files[start..<min(start + 100, order.files.count)].map(\.filepath))
    /// }
    /// ```
    package func libraryFilesNeedingMatching() async throws -> MatchingOrder {
        try await writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT lt.filepath, lt.local_play_count + coalesce(i.plays, 0), a.added_at
                    FROM library_track AS lt
                    LEFT JOIN track_match AS m ON m.filepath = lt.filepath
                    LEFT JOIN swingmusic_track AS s ON s.filepath = lt.filepath
                    LEFT JOIN (SELECT trackhash, COUNT(*) AS plays FROM imported_play GROUP BY trackhash) AS i
                        ON i.trackhash = s.trackhash
                    LEFT JOIN library_track_added AS a ON a.filepath = lt.filepath
                    WHERE \(Self.needsMatching)
                    """)
            var files: [MatchingOrder.File] = []
            while let row = try rows.next() {
                files.append(
                    MatchingOrder.File(
                        filepath: row[0], plays: row[1],
                        addedAt: (row[2] as Double?).map(Date.init(timeIntervalSince1970:))))
            }
            return MatchingOrder(files)
        }
    }

    /// The library files at `filepaths`, in that order; paths not in the library are left out.
    package func libraryTracks(_ filepaths: [String]) async throws -> [LibraryTrackRecord] {
        try await writer.read { db in
            try LibraryTrackRow.fetchAll(
                db,
                sql: """
                    SELECT lt.* FROM json_each(?) AS wanted CROSS JOIN library_track AS lt ON lt.filepath = wanted.value
                    ORDER BY wanted.key
                    """,
                arguments: [JSONStringList.encode(filepaths)]
            ).map(\.track)
        }
    }

    /// Whether the file `lt` with its match `m` needs matching: never matched, its tags changed, or left for review
    /// (low confidence, ambiguous; not a person's decision) before MusicBrainz's facts on its artists were fetched.
    private static let needsMatching = """
        m.filepath IS NULL OR m.fingerprint <> lt.fingerprint
        OR (m.outcome IN ('lowConfidence', 'ambiguous') AND m.method <> 'pinned' AND EXISTS (
            SELECT 1 FROM musicbrainz_artist AS known
            LEFT JOIN musicbrainz_search AS learned ON learned.filepath = lt.filepath
                AND learned.fingerprint = lt.fingerprint AND learned.missing_reason IS NULL
            WHERE known.isrc = coalesce(lt.isrc, learned.isrc) AND known.missing_reason IS NULL
                AND known.fetched_at > m.matched_at))
        """

    /// How many of each song's plays `publish` imported into SwingMusic, by SwingMusic's runtime hash.
    package func importedPlayCounts() async throws -> [String: Int] {
        try await writer.read { db in
            var counts: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT trackhash, COUNT(*) FROM imported_play GROUP BY trackhash")
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// How many library files need matching.
    package func matchingBacklog() async throws -> MatchingBacklog {
        try await writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COUNT(coalesce(lt.isrc, s.isrc)) FROM library_track AS lt
                    LEFT JOIN track_match AS m ON m.filepath = lt.filepath
                    LEFT JOIN musicbrainz_search AS s
                        ON s.filepath = lt.filepath AND s.fingerprint = lt.fingerprint AND s.missing_reason IS NULL
                    WHERE \(Self.needsMatching)
                    """)
            return MatchingBacklog(files: row?[0] ?? 0, withISRC: row?[1] ?? 0)
        }
    }

    /// The Spotify track ids of every current, usable match (made for the file's fingerprint, outcome
    /// `matched`), each once, in id order.
    package func matchedSpotifyTrackIDs() async throws -> [String] {
        try await writer.read { db in
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
    package func storedMatches(for filepaths: [String]) async throws -> [String: StoredMatch] {
        try await writer.read { db in
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
