import Foundation
import GRDB

extension LedgerStore {
    package func record(_ request: LedgerEntry) async throws {
        try await writer.write { db in try request.insert(db) }
    }

    /// Start times of the service's requests after `since`, oldest first.
    package func requestTimes(service: String, since: Date) async throws -> [Date] {
        try await writer.read { db in
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
