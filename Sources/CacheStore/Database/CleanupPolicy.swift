import Foundation

/// What cleanup evicts.
package struct CleanupPolicy: Hashable, Sendable {
    /// Entries are kept this long past their expiry. Default 0.
    package var grace: TimeInterval
    /// Ledger rows older than this are removed. Default 7 days (the budget needs one hour; `stats` shows 24).
    package var ledgerRetention: TimeInterval
    /// Rows deleted per write transaction, so readers and runs never wait long.
    package var batchSize: Int

    package init(grace: TimeInterval = 0, ledgerRetention: TimeInterval = 7 * 86_400, batchSize: Int = 5000) {
        self.grace = grace
        self.ledgerRetention = ledgerRetention
        self.batchSize = batchSize
    }
}
