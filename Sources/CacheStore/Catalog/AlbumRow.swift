import Foundation
import GRDB
import SwingCache

/// A row of `album`: a cached album, and when it was fetched and expires (Unix seconds).
///
/// A write replaces the row; ``init(row:)`` reads by position, in the order of ``columns``, as ``TrackRow`` does.
struct AlbumRow: FetchableRecord, PositionalRow {
    static let databaseTableName = "album"
    /// The columns ``init(row:)`` reads and ``databaseValues`` writes, in order; the raw answer last, so a read may
    /// leave it out.
    static let columns = [
        "id", "name", "album_type", "artist_ids", "artist_names", "release_date", "release_date_precision",
        "total_tracks", "upc", "label", "popularity", "genres", "image_url", "fetched_at", "expires_at", "raw",
    ]

    static let writeSQL = replaceSQL()

    var album: Album
    var fetchedAt: Double
    var expiresAt: Double

    init(album: Album, fetchedAt: Double, expiresAt: Double) {
        self.album = album
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    init(row: Row) throws {
        album = Album(
            id: row[0], name: row[1], albumType: row[2], artistIDs: try JSONStringList.read(row[3]),
            artistNames: try JSONStringList.read(row[4]), releaseDate: row[5], releaseDatePrecision: row[6],
            totalTracks: row[7], upc: row[8], label: row[9], popularity: row[10],
            genres: try JSONStringList.read(row[11]), imageURL: row[12],
            raw: CatalogStore.rawAnswer(in: row, at: 15))
        fetchedAt = row[13]
        expiresAt = row[14]
    }

    var databaseValues: StatementArguments {
        [
            album.id,
            album.name,
            album.albumType,
            JSONStringList.encode(album.artistIDs),
            JSONStringList.encode(album.artistNames),
            album.releaseDate,
            album.releaseDatePrecision,
            album.totalTracks,
            album.upc,
            album.label,
            album.popularity,
            JSONStringList.encode(album.genres),
            album.imageURL,
            fetchedAt,
            expiresAt,
            ZlibCompression.compress(album.raw),
        ]
    }
}
