import GRDB

/// The request ledger, the pacing of requests over it, and each service's mode, park and learned quota.
///
/// ```swift
/// let sent = try await database.ledger.requestTimes(service: "spotify", since: now.addingTimeInterval(-3600))
/// ```
package struct LedgerStore: Sendable {
    let writer: any DatabaseWriter
    /// The database file's path, for the message of a failed write.
    package let path: String
}
