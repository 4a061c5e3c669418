import Foundation
import GRDB
import SwingCache

extension CatalogStore {
    /// What the store knows about each id, in two queries per kind however many ids there are.
    ///
    /// Ids the store knows nothing of are left out of the answer (they are `.absent`).
    package func cacheStates(for ids: [SpotifyID]) async throws -> [SpotifyID: CacheEntryState] {
        try await writer.read { db in
            var states: [SpotifyID: CacheEntryState] = [:]
            for kind in EntityKind.allCases {
                let kindIDs = ids.filter { $0.kind == kind }
                guard !kindIDs.isEmpty else { continue }
                let list = JSONStringList.encode(kindIDs.lazy.map(\.value))
                // `wanted.key` is the id's place in the list: the answer keys reuse the ids asked for.
                let cached = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT wanted.key, e.fetched_at, e.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN \(kind.rawValue) AS e ON e.id = wanted.value
                        """,
                    arguments: [list])
                // CROSS JOIN keeps the wanted ids as the outer loop: one primary-key probe each.
                while let row = try cached.next() {
                    states[kindIDs[row[0]]] = .cached(
                        fetchedAt: Date(timeIntervalSince1970: row[1]), expiresAt: Date(timeIntervalSince1970: row[2]))
                }
                let missing = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT wanted.key, m.reason, m.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN missing_entity AS m ON m.kind = ? AND m.id = wanted.value
                        """,
                    arguments: [list, kind.rawValue])
                while let row = try missing.next() {
                    let reason = MissingReason(rawValue: row[1]) ?? .notFound
                    states[kindIDs[row[0]]] = .knownMissing(
                        reason: reason, expiresAt: Date(timeIntervalSince1970: row[2]))
                }
            }
            return states
        }
    }
}
