import Foundation
import GRDB
import SwingCache

extension PublishStore {
    /// Every library file SwingMusic shows, with its runtime hash, genres, play counts and popularity, in path order; a
    /// file without an ISRC of its own or from its match takes the genres a MusicBrainz search found for it.
    package func publishableTracks() async throws -> [PublishableTrack] {
        try await writer.read { db in
            let scrobbles = try LibraryStore.lastfmScrobblesLocalPlays(db)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT lt.filepath, s.trackhash, lt.title, lt.artists, lt.album, lt.duration_seconds,
                        pc.localPlayCount, pc.lastfmPlayCount, pc.lastfmUserPlayCount, pc.listenbrainzPlayCount,
                        pc.spotifyPopularity, coalesce(mb.genres, ms.genres) AS genres,
                        coalesce(mb.mbids, json_array(ms.mbid)) AS mbids, lp.deezerRank, lp.deezerPercentile,
                        lp.lastfmListeners, lp.lastfmPercentile, lp.listenbrainzListenCount, lp.listenbrainzPercentile,
                        lp.libraryPopularity
                    FROM library_track AS lt
                    JOIN swingmusic_track AS s ON s.filepath = lt.filepath
                    LEFT JOIN swingcache_play_counts AS pc ON pc.filepath = lt.filepath
                    LEFT JOIN swingcache_library_popularity AS lp ON lp.filepath = lt.filepath
                    LEFT JOIN track_match AS m
                        ON m.filepath = lt.filepath AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
                    LEFT JOIN track AS t ON t.id = m.spotify_id
                    LEFT JOIN musicbrainz_search AS ms
                        ON ms.filepath = lt.filepath AND ms.fingerprint = lt.fingerprint AND ms.missing_reason IS NULL
                    LEFT JOIN musicbrainz_recording AS mb
                        ON mb.isrc = coalesce(lt.isrc, t.isrc, ms.isrc) AND mb.missing_reason IS NULL
                    ORDER BY lt.filepath
                    """)
            var tracks: [PublishableTrack] = []
            while let row = try rows.next() {
                let playCount = HybridPlayCount(
                    localPlayCount: row["localPlayCount"] ?? 0, lastfmPlayCount: row["lastfmPlayCount"],
                    lastfmUserPlayCount: row["lastfmUserPlayCount"], lastfmScrobblesLocalPlays: scrobbles,
                    listenbrainzPlayCount: row["listenbrainzPlayCount"], spotifyPopularity: row["spotifyPopularity"])
                tracks.append(
                    PublishableTrack(
                        filepath: row["filepath"], trackhash: row["trackhash"], title: row["title"],
                        artists: Self.listColumn(row["artists"]), album: row["album"],
                        durationSeconds: row["duration_seconds"], genres: Self.listColumn(row["genres"]),
                        recordingMBIDs: Self.listColumn(row["mbids"]).map { $0.lowercased() }, playCount: playCount,
                        popularity: FactStore.songPopularity(row)))
            }
            return tracks
        }
    }

    /// Records what a publish left in SwingMusic: `kept` as published now, `removed` keys no longer there.
    package func recordPublishedPlaylists(_ kept: [PublishedPlaylistRecord], removed: [String], account: String)
        async throws
    {
        try await writer.write { db in
            for key in removed {
                try db.execute(
                    sql: "DELETE FROM published_playlist WHERE account = ? AND playlist_key = ?",
                    arguments: [account, key])
            }
            for record in kept { try record.insert(db) }
        }
    }

    /// The playlists recorded for `account`: those the last publish left, and those a publish that stopped was making
    /// (`playlistID` 0: asked for, with no answer recorded).
    package func publishedPlaylists(account: String) async throws -> [PublishedPlaylistRecord] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT playlist_key, playlist_id, name, trackhashes, published_at FROM published_playlist
                    WHERE account = ? ORDER BY playlist_key
                    """,
                arguments: [account]
            ).map {
                PublishedPlaylistRecord(
                    account: account, key: $0["playlist_key"], playlistID: $0["playlist_id"], name: $0["name"],
                    trackhashes: Self.listColumn($0["trackhashes"]),
                    publishedAt: Date(timeIntervalSince1970: $0["published_at"]))
            }
        }
    }

    /// The names of swingcache's playlists that hold the song `trackhash`.
    static func publishedPlaylistNames(containing trackhash: String, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT p.name FROM published_playlist AS p, json_each(p.trackhashes) AS h
                WHERE h.value = ? ORDER BY p.name
                """,
            arguments: [trackhash])
    }

    /// Where each service's import of `user`'s history stands.
    package func historyCursor(user: String, source: String, serviceUser: String) async throws -> HistoryCursor? {
        try await writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT newest_listened_at FROM history_cursor
                    WHERE swingmusic_user = ? AND source = ? AND service_user = ?
                    """,
                arguments: [user, source, serviceUser]
            ).map { HistoryCursor(user: user, source: source, serviceUser: serviceUser, newestListenedAt: $0) }
        }
    }

    /// How many plays of the song `trackhash` swingcache imported, per SwingMusic user.
    static func importedPlayCounts(of trackhash: String, _ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT swingmusic_user, COUNT(*) AS plays FROM imported_play
                WHERE trackhash = ? GROUP BY swingmusic_user
                """,
            arguments: [trackhash])
        {
            counts[row["swingmusic_user"]] = row["plays"]
        }
        return counts
    }

    /// Records plays SwingMusic took in.
    package func recordImportedPlays(_ plays: [ImportedPlayRecord], at now: Date) async throws {
        try await writer.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO imported_play
                        (swingmusic_user, trackhash, listened_at, source, filepath, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for play in plays {
                try insert.execute(arguments: [
                    play.user, play.trackhash, play.listenedAt, play.source, play.filepath, now.timeIntervalSince1970,
                ])
            }
        }
    }

    /// The listens of `user`'s history kept because they matched no library song, oldest first.
    package func unmatchedListens(user: String) async throws -> [UnmatchedListenRecord] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT source, listened_at, artist, title, album, recording_mbid FROM unmatched_listen
                    WHERE swingmusic_user = ? ORDER BY listened_at, source, artist, title
                    """,
                arguments: [user]
            ).map {
                UnmatchedListenRecord(
                    source: $0["source"], listenedAt: $0["listened_at"], artist: $0["artist"], title: $0["title"],
                    album: $0["album"], recordingMBID: $0["recording_mbid"])
            }
        }
    }

    /// Records how far `user`'s history was read (`cursors`) and the listens of it that matched no song, in place of
    /// those kept before, in one transaction: a cursor never moves past a listen that is neither imported nor kept.
    /// Only the newest `limit` unmatched listens are kept.
    package func recordHistoryRead(
        user: String, cursors: [HistoryCursor], unmatched: [UnmatchedListenRecord], limit: Int
    ) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM unmatched_listen WHERE swingmusic_user = ?", arguments: [user])
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO unmatched_listen
                        (swingmusic_user, source, listened_at, artist, title, album, recording_mbid)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for listen in unmatched.sorted(by: { $0.listenedAt > $1.listenedAt }).prefix(max(0, limit)) {
                try insert.execute(arguments: [
                    user, listen.source, listen.listenedAt, listen.artist, listen.title, listen.album,
                    listen.recordingMBID,
                ])
            }
            for cursor in cursors {
                try db.execute(
                    sql: """
                        INSERT INTO history_cursor (swingmusic_user, source, service_user, newest_listened_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (swingmusic_user, source, service_user)
                        DO UPDATE SET newest_listened_at = max(newest_listened_at, excluded.newest_listened_at)
                        """,
                    arguments: [cursor.user, cursor.source, cursor.serviceUser, cursor.newestListenedAt])
            }
        }
    }

    /// A JSON list column that may be NULL or, written by hand, not a list: read as empty rather than failing.
    private static func listColumn(_ json: String?) -> [String] {
        json.flatMap { try? JSONStringList.read($0) } ?? []
    }
}
