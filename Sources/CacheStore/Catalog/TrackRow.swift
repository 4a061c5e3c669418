import Foundation
import GRDB
import SwingCache

/// A row of `track`: a cached track, and when it was fetched and expires (Unix seconds).
///
/// A write replaces the row. ``init(row:)`` reads by position, in the order of ``columns``: reading cached
/// entities is the hottest path of `get`, and looking each column up by name would cost more than the rest of it.
struct TrackRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "track"
    static var persistenceConflictPolicy: PersistenceConflictPolicy { .init(insert: .replace, update: .replace) }
    /// The columns ``init(row:)`` reads, in order; the raw answer last, so a read may leave it out.
    static let columns = [
        "id", "name", "album_id", "album_name", "artist_ids", "artist_names", "isrc", "duration_ms", "explicit",
        "popularity", "track_number", "disc_number", "release_date", "image_url", "fetched_at", "expires_at", "raw",
    ]

    var track: Track
    var fetchedAt: Double
    var expiresAt: Double

    init(track: Track, fetchedAt: Double, expiresAt: Double) {
        self.track = track
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    init(row: Row) throws {
        track = Track(
            id: row[0], name: row[1], albumID: row[2], albumName: row[3],
            artistIDs: try SQLiteCacheStore.stringList(row[4]), artistNames: try SQLiteCacheStore.stringList(row[5]),
            isrc: row[6], durationMs: row[7], explicit: row[8], popularity: row[9], trackNumber: row[10],
            discNumber: row[11], releaseDate: row[12], imageURL: row[13],
            raw: SQLiteCacheStore.rawAnswer(in: row, at: 16))
        fetchedAt = row[14]
        expiresAt = row[15]
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = track.id
        container["name"] = track.name
        container["album_id"] = track.albumID
        container["album_name"] = track.albumName
        container["artist_ids"] = JSONStringList.encode(track.artistIDs)
        container["artist_names"] = JSONStringList.encode(track.artistNames)
        container["isrc"] = track.isrc
        container["duration_ms"] = track.durationMs
        container["explicit"] = track.explicit
        container["popularity"] = track.popularity
        container["track_number"] = track.trackNumber
        container["disc_number"] = track.discNumber
        container["release_date"] = track.releaseDate
        container["image_url"] = track.imageURL
        container["fetched_at"] = fetchedAt
        container["expires_at"] = expiresAt
        container["raw"] = ZlibCompression.compress(track.raw)
    }
}
