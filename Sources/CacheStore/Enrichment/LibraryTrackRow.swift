import Foundation
import GRDB

/// A row of `library_track`: a library file, and when a read of the library last saw it.
///
/// A write is an upsert, never a replace: a replace would delete the row first, and the file's match with it.
struct LibraryTrackRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "library_track"

    var track: LibraryTrackRecord
    var seenAt: Date

    init(track: LibraryTrackRecord, seenAt: Date) {
        self.track = track
        self.seenAt = seenAt
    }

    init(row: Row) throws {
        track = LibraryTrackRecord(
            filepath: row["filepath"], fingerprint: row["fingerprint"], title: row["title"],
            artists: try SQLiteCacheStore.stringList(row["artists"]),
            albumArtists: try SQLiteCacheStore.stringList(row["album_artists"]), album: row["album"],
            durationSeconds: row["duration_seconds"], isrc: row["isrc"],
            lastfmKey: LastfmTrackKey(artist: row["lastfm_artist"], title: row["lastfm_title"]),
            localPlayCount: row["local_play_count"],
            lastPlayedAt: (row["last_played_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        seenAt = Date(timeIntervalSince1970: row["seen_at"])
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["filepath"] = track.filepath
        container["fingerprint"] = track.fingerprint
        container["title"] = track.title
        container["artists"] = JSONStringList.encode(track.artists)
        container["album_artists"] = JSONStringList.encode(track.albumArtists)
        container["album"] = track.album
        container["duration_seconds"] = track.durationSeconds
        container["isrc"] = track.isrc
        container["lastfm_artist"] = track.lastfmKey.artist
        container["lastfm_title"] = track.lastfmKey.title
        container["local_play_count"] = track.localPlayCount
        container["last_played_at"] = track.lastPlayedAt?.timeIntervalSince1970
        container["seen_at"] = seenAt.timeIntervalSince1970
    }
}
