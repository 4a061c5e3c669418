import Foundation
import GRDB
import SwingCache

/// A row of `artist`: a cached artist, and when it was fetched and expires (Unix seconds).
///
/// A write replaces the row; ``init(row:)`` reads by position, in the order of ``columns``, as ``TrackRow`` does.
struct ArtistRow: FetchableRecord, PositionalRow {
    static let databaseTableName = "artist"
    /// The columns ``init(row:)`` reads and ``databaseValues`` writes, in order; the raw answer last, so a read may
    /// leave it out.
    static let columns = [
        "id", "name", "genres", "popularity", "followers", "image_url", "fetched_at", "expires_at", "raw",
    ]

    static let writeSQL = replaceSQL()

    var artist: Artist
    var fetchedAt: Double
    var expiresAt: Double

    init(artist: Artist, fetchedAt: Double, expiresAt: Double) {
        self.artist = artist
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    init(row: Row) throws {
        artist = Artist(
            id: row[0], name: row[1], genres: try JSONStringList.read(row[2]), popularity: row[3],
            followers: row[4], imageURL: row[5], raw: CatalogStore.rawAnswer(in: row, at: 8))
        fetchedAt = row[6]
        expiresAt = row[7]
    }

    var databaseValues: StatementArguments {
        [
            artist.id,
            artist.name,
            JSONStringList.encode(artist.genres),
            artist.popularity,
            artist.followers,
            artist.imageURL,
            fetchedAt,
            expiresAt,
            ZlibCompression.compress(artist.raw),
        ]
    }
}
