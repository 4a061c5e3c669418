import Foundation
import GRDB
import SwingCache

extension SQLiteCacheStore {
    /// What the store knows about each id, in two queries per kind however many ids there are.
    ///
    /// Ids the store knows nothing of are left out of the answer (they are `.absent`).
    public func cacheStates(for ids: [SpotifyID]) throws -> [SpotifyID: CacheEntryState] {
        let byKind = Dictionary(grouping: ids, by: \.kind)
        return try writer.read { db in
            var states: [SpotifyID: CacheEntryState] = [:]
            states.reserveCapacity(ids.count)
            for (kind, kindIDs) in byKind {
                let list = try Self.jsonArray(kindIDs.map(\.value))
                let cached = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT e.id, e.fetched_at, e.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN \(kind.rawValue) AS e ON e.id = wanted.value
                        """,
                    arguments: [list])
                // CROSS JOIN keeps the wanted ids as the outer loop: one primary-key probe each.
                while let row = try cached.next() {
                    let id = SpotifyID(kind: kind, value: row[0])
                    states[id] = .cached(
                        fetchedAt: Date(timeIntervalSince1970: row[1]), expiresAt: Date(timeIntervalSince1970: row[2]))
                }
                let missing = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT m.id, m.reason, m.expires_at
                        FROM json_each(?) AS wanted CROSS JOIN missing_entity AS m ON m.kind = ? AND m.id = wanted.value
                        """,
                    arguments: [list, kind.rawValue])
                while let row = try missing.next() {
                    let id = SpotifyID(kind: kind, value: row[0])
                    let reason = MissingReason(rawValue: row[1]) ?? .notFound
                    states[id] = .knownMissing(reason: reason, expiresAt: Date(timeIntervalSince1970: row[2]))
                }
            }
            return states
        }
    }

    static func jsonArray(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }
}
