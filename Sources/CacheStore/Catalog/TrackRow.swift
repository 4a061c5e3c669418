import Foundation
import GRDB
import SwingCache

/// A row of `track`: a cached track, and when it was fetched and expires (Unix seconds).
///
/// A write replaces the row. ``init(row:)`` reads by position, in the order of ``columns``: reading cached
/// entities is the hot path of `get`, and a look-up by name costs a lower-cased dictionary probe per column.
struct TrackRow: FetchableRecord, PositionalRow {
    static let databaseTableName = "track"
    /// The columns ``init(row:)`` reads and ``databaseValues`` writes, in order; the raw answer last, so a read may
    /// leave it out.
    static let columns = [
        "id", "name", "album_id", "album_name", "artist_ids", "artist_names", "isrc", "duration_ms", "explicit",
        "popularity", "track_number", "disc_number", "release_date", "image_url", "fetched_at", "expires_at", "raw",
    ]

    static let writeSQL = replaceSQL()

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
            artistIDs: try JSONStringList.read(row[4]), artistNames: try JSONStringList.read(row[5]),
            isrc: row[6], durationMs: row[7], explicit: row[8], popularity: row[9], trackNumber: row[10],
            discNumber: row[11], releaseDate: row[12], imageURL: row[13],
            raw: CatalogStore.rawAnswer(in: row, at: 16))
        fetchedAt = row[14]
        expiresAt = row[15]
    }

    var databaseValues: StatementArguments {
        [
            track.id,
            track.name,
            track.albumID,
            track.albumName,
            JSONStringList.encode(track.artistIDs),
            JSONStringList.encode(track.artistNames),
            track.isrc,
            track.durationMs,
            track.explicit,
            track.popularity,
            track.trackNumber,
            track.discNumber,
            track.releaseDate,
            track.imageURL,
            fetchedAt,
            expiresAt,
            ZlibCompression.compress(track.raw),
        ]
    }
}
