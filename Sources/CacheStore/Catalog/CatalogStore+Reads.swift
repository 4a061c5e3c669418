import Foundation
import GRDB
import SwingCache

extension CatalogStore {
    /// The stored entity for `id`, or nil when there is none.
    ///
    /// The raw answer is inflated only when asked for: readers of the columns do not pay for it.
    package func entity(_ id: SpotifyID, includingRaw: Bool = true) async throws -> StoredEntity? {
        // One SELECT needs no transaction of its own: unsafeRead spares the BEGIN/COMMIT around it.
        try await writer.unsafeRead { db in try Self.storedEntity(id, includingRaw: includingRaw, in: db) }
    }

    /// The stored entity of each of `ids` the store holds, read in one transaction: `get` with thousands of
    /// ids takes the database's lock once, not once per id.
    package func entities(_ ids: [SpotifyID], includingRaw: Bool = true) async throws -> [SpotifyID: StoredEntity] {
        try await writer.read { db in
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
        return try storedEntity(kind: id.kind, row: row)
    }

    /// `SELECT` of the columns ``storedEntity(kind:row:)`` reads from the table of `kind`; the raw answer only when
    /// asked for.
    static func entitySelection(_ kind: EntityKind, includingRaw: Bool) -> String {
        let (withRaw, withoutRaw) =
            switch kind {
            case .track: trackSelections
            case .album: albumSelections
            case .artist: artistSelections
            }
        return includingRaw ? withRaw : withoutRaw
    }

    // Built once: `get` asks for one per id.
    private static let trackSelections = selections(of: TrackRow.columns, from: TrackRow.databaseTableName)
    private static let albumSelections = selections(of: AlbumRow.columns, from: AlbumRow.databaseTableName)
    private static let artistSelections = selections(of: ArtistRow.columns, from: ArtistRow.databaseTableName)

    /// `SELECT` of every column of `columns`, and of all but the last (the raw answer).
    private static func selections(of columns: [String], from table: String) -> (String, String) {
        (
            "SELECT \(columns.joined(separator: ", ")) FROM \(table)",
            "SELECT \(columns.dropLast().joined(separator: ", ")) FROM \(table)"
        )
    }

    /// The entity in a row selected by ``entitySelection(_:includingRaw:)``.
    static func storedEntity(kind: EntityKind, row: Row) throws -> StoredEntity {
        let entity: CatalogEntity
        let fetchedAt: Double
        let expiresAt: Double
        switch kind {
        case .track:
            let stored = try TrackRow(row: row)
            (entity, fetchedAt, expiresAt) = (.track(stored.track), stored.fetchedAt, stored.expiresAt)
        case .album:
            let stored = try AlbumRow(row: row)
            (entity, fetchedAt, expiresAt) = (.album(stored.album), stored.fetchedAt, stored.expiresAt)
        case .artist:
            let stored = try ArtistRow(row: row)
            (entity, fetchedAt, expiresAt) = (.artist(stored.artist), stored.fetchedAt, stored.expiresAt)
        }
        return StoredEntity(
            entity: entity, fetchedAt: Date(timeIntervalSince1970: fetchedAt),
            expiresAt: Date(timeIntervalSince1970: expiresAt))
    }

    /// The raw answer in column `index` of `row`, inflated; empty when the row has no such column (a read that
    /// left it out) or it cannot be inflated.
    static func rawAnswer(in row: Row, at index: Int) -> Data {
        guard index < row.count, let stored: Data = row[index] else { return Data() }
        return ZlibCompression.decompress(stored) ?? Data()
    }
}
