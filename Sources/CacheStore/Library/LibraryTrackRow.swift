import Foundation
import GRDB
import SwingCache

/// A row of `library_track`: a library file, and when a read of the library last saw it.
///
/// A write is an upsert, never a replace: a replace would delete the row first, and the file's match with it.
struct LibraryTrackRow: FetchableRecord, PositionalRow {
    static let databaseTableName = "library_track"
    static let columns = [
        "filepath", "fingerprint", "title", "artists", "album_artists", "album", "duration_seconds", "isrc",
        "lastfm_artist", "lastfm_title", "local_play_count", "last_played_at", "seen_at",
    ]
    static let writeSQL = upsertSQL(key: "filepath")

    var track: LibraryTrackRecord
    var seenAt: Date

    init(track: LibraryTrackRecord, seenAt: Date) {
        self.track = track
        self.seenAt = seenAt
    }

    init(row: Row) throws {
        track = LibraryTrackRecord(
            filepath: row["filepath"], fingerprint: row["fingerprint"], title: row["title"],
            artists: try JSONStringList.read(row["artists"]),
            albumArtists: try JSONStringList.read(row["album_artists"]), album: row["album"],
            durationSeconds: row["duration_seconds"], isrc: row["isrc"],
            lastfmKey: LastfmTrackKey(artist: row["lastfm_artist"], title: row["lastfm_title"]),
            localPlayCount: row["local_play_count"],
            lastPlayedAt: (row["last_played_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        seenAt = Date(timeIntervalSince1970: row["seen_at"])
    }

    var databaseValues: StatementArguments {
        [
            track.filepath, track.fingerprint, track.title, JSONStringList.encode(track.artists),
            JSONStringList.encode(track.albumArtists), track.album, track.durationSeconds, track.isrc,
            track.lastfmKey.artist, track.lastfmKey.title, track.localPlayCount,
            track.lastPlayedAt?.timeIntervalSince1970, seenAt.timeIntervalSince1970,
        ]
    }
}
