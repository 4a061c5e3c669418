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
        try writer.unsafeRead { db in try Self.storedEntity(id, includingRaw: includingRaw, in: db) }
    }

    /// The stored entity of each of `ids` the store holds, read in one transaction: `get` with thousands of
    /// ids takes the database's lock once, not once per id.
    public func entities(_ ids: [SpotifyID], includingRaw: Bool = true) throws -> [SpotifyID: StoredEntity] {
        try writer.read { db in
            var found: [SpotifyID: StoredEntity] = [:]
            for id in ids {
                found[id] = try Self.storedEntity(id, includingRaw: includingRaw, in: db)
            }
            return found
        }
    }

    private static func storedEntity(_ id: SpotifyID, includingRaw: Bool, in db: Database) throws -> StoredEntity? {
        let statement = try db.cachedStatement(
            sql: "\(entitySelection(id.kind, includingRaw: includingRaw)) WHERE id = ?")
        // A cursor's row is read in place, by column index: no copy of the row, no look-up of names.
        let cursor = try Row.fetchCursor(statement, arguments: [id.value])
        guard let row = try cursor.next() else { return nil }
        return try storedEntity(kind: id.kind, row: row, includingRaw: includingRaw)
    }

    /// `SELECT` of the columns ``storedEntity(kind:row:includingRaw:)`` reads, in the order it reads them, from
    /// the table of `kind`; the raw answer last, and only when asked for.
    static func entitySelection(_ kind: EntityKind, includingRaw: Bool) -> String {
        let columns: String
        switch kind {
        case .track:
            columns = """
                id, name, album_id, album_name, artist_ids, artist_names, isrc, duration_ms, explicit, popularity,
                track_number, disc_number, release_date, image_url
                """
        case .album:
            columns = """
                id, name, album_type, artist_ids, artist_names, release_date, release_date_precision, total_tracks,
                upc, label, popularity, genres, image_url
                """
        case .artist:
            columns = "id, name, genres, popularity, followers, image_url"
        }
        return "SELECT \(columns), fetched_at, expires_at\(includingRaw ? ", raw" : "") FROM \(kind.rawValue)"
    }

    /// The entity in a row selected by ``entitySelection(_:includingRaw:)``.
    static func storedEntity(kind: EntityKind, row: Row, includingRaw: Bool) throws -> StoredEntity {
        let entity: CatalogEntity
        let times: Int
        switch kind {
        case .track:
            times = 14
            entity = .track(
                Track(
                    id: row[0], name: row[1], albumID: row[2], albumName: row[3], artistIDs: try strings(row[4]),
                    artistNames: try strings(row[5]), isrc: row[6], durationMs: row[7], explicit: row[8],
                    popularity: row[9], trackNumber: row[10], discNumber: row[11], releaseDate: row[12],
                    imageURL: row[13], raw: includingRaw ? raw(row[16]) : Data()))
        case .album:
            times = 13
            entity = .album(
                Album(
                    id: row[0], name: row[1], albumType: row[2], artistIDs: try strings(row[3]),
                    artistNames: try strings(row[4]), releaseDate: row[5], releaseDatePrecision: row[6],
                    totalTracks: row[7], upc: row[8], label: row[9], popularity: row[10], genres: try strings(row[11]),
                    imageURL: row[12], raw: includingRaw ? raw(row[15]) : Data()))
        case .artist:
            times = 6
            entity = .artist(
                Artist(
                    id: row[0], name: row[1], genres: try strings(row[2]), popularity: row[3], followers: row[4],
                    imageURL: row[5], raw: includingRaw ? raw(row[8]) : Data()))
        }
        return StoredEntity(
            entity: entity, fetchedAt: Date(timeIntervalSince1970: row[times]),
            expiresAt: Date(timeIntervalSince1970: row[times + 1]))
    }

    private static func raw(_ stored: Data?) -> Data {
        stored.flatMap(ZlibCompression.decompress) ?? Data()
    }

    /// Reads the JSON string arrays the store writes, by hand: the hot path of `get` (JSONSerialization reads
    /// what the hand-written reader does not, and says what is wrong).
    private static func strings(_ json: String) throws -> [String] {
        if json == "[]" { return [] }
        if let list = JSONStringList.decode(json) { return list }
        guard let list = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
            throw DatabaseError(message: "a list column holds something other than a JSON array of strings")
        }
        return list
    }
}
