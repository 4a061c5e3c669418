import Foundation
import GRDB
import SwingCache

/// An entity read back from the store, with its freshness times.
public struct StoredEntity: Hashable, Sendable {
    public var entity: CatalogEntity
    public var fetchedAt: Date
    public var expiresAt: Date

    public init(entity: CatalogEntity, fetchedAt: Date, expiresAt: Date) {
        self.entity = entity
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }
}

extension SQLiteCacheStore {
    /// The stored entity for `id`, or nil when there is none.
    ///
    /// The raw answer is inflated only when asked for: readers of the columns do not pay for it.
    public func entity(_ id: SpotifyID, includingRaw: Bool = true) throws -> StoredEntity? {
        // One SELECT needs no transaction of its own: unsafeRead spares the BEGIN/COMMIT around it.
        try writer.unsafeRead { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM \(id.kind.rawValue) WHERE id = ?")
            guard let row = try Row.fetchOne(statement, arguments: [id.value]) else { return nil }
            return try Self.storedEntity(kind: id.kind, row: row, includingRaw: includingRaw)
        }
    }

    static func storedEntity(kind: EntityKind, row: Row, includingRaw: Bool) throws -> StoredEntity {
        let raw = includingRaw ? ZlibCompression.decompress(row["raw"]) ?? Data() : Data()
        let entity: CatalogEntity
        switch kind {
        case .track:
            entity = .track(
                Track(
                    id: row["id"], name: row["name"], albumID: row["album_id"], albumName: row["album_name"],
                    artistIDs: try strings(row["artist_ids"]), artistNames: try strings(row["artist_names"]),
                    isrc: row["isrc"], durationMs: row["duration_ms"], explicit: row["explicit"],
                    popularity: row["popularity"], trackNumber: row["track_number"], discNumber: row["disc_number"],
                    releaseDate: row["release_date"], imageURL: row["image_url"], raw: raw))
        case .album:
            entity = .album(
                Album(
                    id: row["id"], name: row["name"], albumType: row["album_type"],
                    artistIDs: try strings(row["artist_ids"]), artistNames: try strings(row["artist_names"]),
                    releaseDate: row["release_date"], releaseDatePrecision: row["release_date_precision"],
                    totalTracks: row["total_tracks"], upc: row["upc"], label: row["label"],
                    popularity: row["popularity"], genres: try strings(row["genres"]), imageURL: row["image_url"],
                    raw: raw))
        case .artist:
            entity = .artist(
                Artist(
                    id: row["id"], name: row["name"], genres: try strings(row["genres"]), popularity: row["popularity"],
                    followers: row["followers"], imageURL: row["image_url"], raw: raw))
        }
        return StoredEntity(
            entity: entity, fetchedAt: Date(timeIntervalSince1970: row["fetched_at"]),
            expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
    }

    /// Reads the JSON string arrays the store writes; JSONSerialization is several times faster than
    /// JSONDecoder here, and reads are the hot path of `get`.
    private static func strings(_ json: String) throws -> [String] {
        if json == "[]" { return [] }
        guard let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
            throw DatabaseError(message: "a list column holds something other than a JSON array of strings")
        }
        return list
    }
}
