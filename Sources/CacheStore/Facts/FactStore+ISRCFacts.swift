import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// The state of each provider's own fact among `keys` (ISRCs by table name), one query per table, naming no
    /// provider: a provider whose freshness goes by its own table gives ``EnrichmentKey/isrcFact(table:isrc:)`` keys.
    static func isrcFactStates(_ keys: [String: [String]], in db: Database) throws -> [EnrichmentKey: CacheEntryState] {
        var states: [EnrichmentKey: CacheEntryState] = [:]
        for (name, isrcs) in keys.sorted(by: { $0.key < $1.key }) {
            guard let table = ISRCFactTable.registered.first(where: { $0.name == name }) else {
                preconditionFailure("\(name) is not in ISRCFactTable.registered")
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.isrc, f.missing_reason, f.fetched_at, f.expires_at
                    FROM json_each(?) AS wanted CROSS JOIN \(table.name) AS f ON f.isrc = wanted.value
                    """,
                arguments: [try json(isrcs)])
            while let row = try rows.next() {
                states[.isrcFact(table: table.name, isrc: row[0])] = state(row, from: 1)
            }
        }
        return states
    }
}
