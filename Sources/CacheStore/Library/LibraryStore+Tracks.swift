import Foundation
import GRDB
import SwingCache

extension LibraryStore {
    /// Writes a batch of library files in one transaction and says which of them need matching.
    ///
    /// A file needs matching when it has no match yet or its match was made for another fingerprint; a file whose
    /// tags are unchanged keeps its match, whatever else changed (plays, `seen_at`).
    /// ```swift
    /// let result = try await store.upsertLibraryTracks(records, seenAt: now)
    /// for path in result.needsMatching { … }
    /// ```
    @discardableResult
    package func upsertLibraryTracks(_ tracks: [LibraryTrackRecord], seenAt: Date) async throws -> LibraryUpsertResult {
        try await writer.write { db in
            var known: [String: (library: String, match: String?)] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT lt.filepath, lt.fingerprint, m.fingerprint
                    FROM json_each(?) AS wanted CROSS JOIN library_track AS lt ON lt.filepath = wanted.value
                    LEFT JOIN track_match AS m ON m.filepath = lt.filepath
                    """,
                arguments: [JSONStringList.encode(tracks.lazy.map(\.filepath))])
            while let row = try rows.next() { known[row[0]] = (row[1], row[2]) }

            let noSwingMusic = try db.cachedStatement(sql: "DELETE FROM swingmusic_track WHERE filepath = ?")
            let added = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO library_track_added (filepath, added_at) VALUES (?, ?)")
            let notAdded = try db.cachedStatement(sql: "DELETE FROM library_track_added WHERE filepath = ?")
            var result = LibraryUpsertResult(added: 0, changed: 0, needsMatching: [])
            var counted = Set<String>()
            for track in tracks {
                try LibraryTrackRow(track: track, seenAt: seenAt).write(db)
                if let file = track.swingMusic {
                    try SwingMusicFileRow(filepath: track.filepath, file: file).write(db)
                } else {
                    try noSwingMusic.execute(arguments: [track.filepath])
                }
                if let addedAt = track.addedAt {
                    try added.execute(arguments: [track.filepath, addedAt.timeIntervalSince1970])
                } else {
                    try notAdded.execute(arguments: [track.filepath])
                }
                // A path listed twice in one batch counts once, as its last version.
                guard counted.insert(track.filepath).inserted else { continue }
                let before = known[track.filepath]
                if before == nil {
                    result.added += 1
                } else if before?.library != track.fingerprint {
                    result.changed += 1
                }
                if before?.match != track.fingerprint { result.needsMatching.append(track.filepath) }
            }
            return result
        }
    }

    /// The library file whose path is most like `filepath` (same file name first), for "did you mean" hints.
    package func libraryFile(like filepath: String) async throws -> (closest: String?, files: Int) {
        try await writer.read { db in
            let files = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM library_track") ?? 0
            let name = (filepath as NSString).lastPathComponent
            let closest = try String.fetchOne(
                db,
                sql: """
                    SELECT filepath FROM library_track WHERE filepath LIKE '%/' || ? ESCAPE '\\'
                    ORDER BY length(filepath) LIMIT 1
                    """,
                arguments: [
                    name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                        .replacingOccurrences(of: "_", with: "\\_")
                ])
            return (closest, files)
        }
    }

    /// Removes files not seen since `cutoff` (gone from the library), with their matches; returns how many.
    package func removeLibraryTracks(notSeenSince cutoff: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(
                sql: "DELETE FROM library_track WHERE seen_at < ?", arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Writes matcher decisions, and the search request that led to them, in one transaction.
    ///
    /// Each file must be in the library already; otherwise nothing is written.
    package func save(_ matches: [TrackMatchRecord], request: LedgerWrite? = nil) async throws {
        try await writer.write { db in
            try Self.insert(matches, into: db)
            try LedgerStore.write(request, in: db)
        }
    }

    /// Writes matcher decisions together with the catalog entries their search answer holds, and the search's
    /// ledger entry (`record.request`), in one transaction: a match is also a fetch of the track it chose.
    package func save(_ matches: [TrackMatchRecord], fetched record: FetchRecord) async throws {
        try await writer.write { db in
            try Self.insert(matches, into: db)
            try CatalogStore.insert(record, into: db)
        }
    }

    private static func insert(_ matches: [TrackMatchRecord], into db: Database) throws {
        let candidates = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO match_candidate (filepath, fingerprint, candidates) VALUES (?, ?, ?)")
        for record in matches {
            try record.insert(db)
            try candidates.execute(arguments: [
                record.filepath, record.fingerprint,
                String(decoding: try JSONEncoder().encode(record.match.candidates), as: UTF8.self),
            ])
        }
    }

    /// Tells the play-count rule whether SwingMusic scrobbles local plays to Last.fm (it does unless told).
    package func setLastfmScrobblesLocalPlays(_ scrobbles: Bool) async throws {
        try await writer.write { db in
            try db.execute(
                sql:
                    "INSERT OR REPLACE INTO enrichment_setting (name, value) VALUES ('lastfm_scrobbles_local_plays', ?)",
                arguments: [scrobbles ? 1 : 0])
        }
    }

    package func lastfmScrobblesLocalPlays() async throws -> Bool {
        try await writer.read { db in try Self.lastfmScrobblesLocalPlays(db) }
    }

    static func lastfmScrobblesLocalPlays(_ db: Database) throws -> Bool {
        let value = try Int.fetchOne(
            db, sql: "SELECT value FROM enrichment_setting WHERE name = 'lastfm_scrobbles_local_plays'")
        return (value ?? 1) != 0
    }
}
