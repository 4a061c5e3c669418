import Foundation
import GRDB

/// One request that reached the network, whatever it answered. The ledger is what every process sharing
/// the database counts its budget against.
public struct LedgerEntry: Hashable, Sendable {
    public var service: String
    public var endpoint: String
    public var requestedAt: Date
    /// The HTTP status, or 0 when no answer came back.
    public var status: Int
    public var runID: Int64?

    public init(service: String, endpoint: String, requestedAt: Date, status: Int, runID: Int64? = nil) {
        self.service = service
        self.endpoint = endpoint
        self.requestedAt = requestedAt
        self.status = status
        self.runID = runID
    }
}

/// A row of `request_ledger`, which numbers its rows itself.
extension LedgerEntry: Encodable, PersistableRecord {
    public static let databaseTableName = "request_ledger"
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}

extension SQLiteCacheStore {
    public func record(_ request: LedgerEntry) throws {
        try writer.write { db in try request.insert(db) }
    }

    /// Start times of the service's requests after `since`, oldest first.
    public func requestTimes(service: String, since: Date) throws -> [Date] {
        try writer.read { db in
            try Double.fetchAll(
                db,
                sql:
                    "SELECT requested_at FROM request_ledger WHERE service = ? AND requested_at > ? ORDER BY requested_at",
                arguments: [service, since.timeIntervalSince1970]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }
}
