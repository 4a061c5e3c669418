import Foundation
import GRDB

/// One request that reached the network, whatever it answered. The ledger is what every process sharing
/// the database counts its budget against.
package struct LedgerEntry: Hashable, Sendable {
    package var service: String
    package var endpoint: String
    package var requestedAt: Date
    /// The HTTP status, or 0 when no answer came back.
    package var status: Int
    package var runID: Int64?

    package init(service: String, endpoint: String, requestedAt: Date, status: Int, runID: Int64? = nil) {
        self.service = service
        self.endpoint = endpoint
        self.requestedAt = requestedAt
        self.status = status
        self.runID = runID
    }
}

/// A row of `request_ledger`, which numbers its rows itself.
extension LedgerEntry: EncodedRow {
    package static let databaseTableName = "request_ledger"
}

extension LedgerStore {
    package func record(_ request: LedgerEntry) throws {
        try writer.write { db in try request.insert(db) }
    }

    /// Start times of the service's requests after `since`, oldest first.
    package func requestTimes(service: String, since: Date) throws -> [Date] {
        try writer.read { db in
            try Double.fetchAll(
                db,
                sql:
                    "SELECT requested_at FROM request_ledger WHERE service = ? AND requested_at > ? ORDER BY requested_at",
                arguments: [service, since.timeIntervalSince1970]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// The ledger side of a write, as `save(FetchRecord)` does it.
    static func write(_ request: LedgerWrite?, in db: Database) throws {
        switch request {
        case .append(let entry): try entry.insert(db)
        case .complete(let ledgerID, let status): try complete(ledgerID: ledgerID, status: status, in: db)
        case nil: break
        }
    }

}
