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
