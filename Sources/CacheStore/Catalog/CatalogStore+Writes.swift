import Foundation
import GRDB
import SwingCache

extension CatalogStore {
    /// Writes a request's entities, its known-missing ids and its ledger entry together, or none of them.
    package func save(_ record: FetchRecord) async throws {
        try await writer.write { db in
            try Self.insert(record, into: db)
        }
    }

    /// Writes several records in one transaction: for bulk loads such as benchmarks and imports.
    package func save(_ records: [FetchRecord]) async throws {
        try await writer.write { db in
            for record in records { try Self.insert(record, into: db) }
        }
    }

    /// Writes `record` inside a transaction the caller holds.
    static func insert(_ record: FetchRecord, into db: Database) throws {
        let fetchedAt = record.fetchedAt.timeIntervalSince1970
        for entity in record.entities {
            let unchanged = try recordContent(of: entity, in: db)
            var expiresAt = record.expiresAt(entity.id).timeIntervalSince1970
            if let policy = record.changeAwarePolicy(entity.id), policy.ttlMax != nil {
                expiresAt = fetchedAt + policy.ttl(afterUnchangedRefreshes: unchanged)
            }
            switch entity {
            case .track(let track): try TrackRow(track: track, fetchedAt: fetchedAt, expiresAt: expiresAt).write(db)
            case .album(let album): try AlbumRow(album: album, fetchedAt: fetchedAt, expiresAt: expiresAt).write(db)
            case .artist(let artist):
                try ArtistRow(artist: artist, fetchedAt: fetchedAt, expiresAt: expiresAt).write(db)
            }
            try db.cachedStatement(sql: "DELETE FROM missing_entity WHERE kind = ? AND id = ?").execute(
                arguments: [entity.id.kind.rawValue, entity.id.value])
        }
        for (id, reason) in record.missing {
            try db.cachedStatement(sql: "DELETE FROM \(id.kind.rawValue) WHERE id = ?").execute(arguments: [id.value])
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO missing_entity (kind, id, reason, detected_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    id.kind.rawValue, id.value, reason.rawValue, fetchedAt,
                    record.missingExpiresAt(id).timeIntervalSince1970,
                ])
        }
        try LedgerStore.write(record.request, in: db)
    }

    /// Notes `entity`'s content digest; returns how many refreshes in a row (this one included) brought it back
    /// unchanged: 0 for a new or changed entity.
    private static func recordContent(of entity: CatalogEntity, in db: Database) throws -> Int {
        let digest = entity.contentDigest
        let id = entity.id
        let previous = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT content_digest, unchanged_refreshes FROM entity_change WHERE kind = ? AND id = ?"),
            arguments: [id.kind.rawValue, id.value])
        let unchanged = previous.map { row in (row[0] as String) == digest ? (row[1] as Int) + 1 : 0 } ?? 0
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO entity_change (kind, id, content_digest, unchanged_refreshes)
                VALUES (?, ?, ?, ?)
                """
        ).execute(arguments: [id.kind.rawValue, id.value, digest, unchanged])
        return unchanged
    }

    /// How many refreshes in a row brought `id` back unchanged; nil when it was never stored.
    package func unchangedRefreshes(of id: SpotifyID) async throws -> Int? {
        try await unchangedRefreshes(of: [id])[id]
    }

    /// How many refreshes in a row brought each of `ids` back unchanged; ids never stored are left out.
    package func unchangedRefreshes(of ids: [SpotifyID]) async throws -> [SpotifyID: Int] {
        // One transaction: `get` asks this for every id it is given, and takes the database's lock once.
        try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT unchanged_refreshes FROM entity_change WHERE kind = ? AND id = ?")
            var counts: [SpotifyID: Int] = [:]
            for id in ids {
                counts[id] = try Int.fetchOne(statement, arguments: [id.kind.rawValue, id.value])
            }
            return counts
        }
    }
}
