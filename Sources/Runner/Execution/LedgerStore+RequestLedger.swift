import CacheStore
import Foundation
import Outbound

/// The cache database's ledger is the ledger of every request: its pacing and service-state functions are the
/// ledger's.
extension LedgerStore: RequestLedger {
    package func runOutcome(afterFailure error: any Error) -> RunOutcome? {
        RunOutcome.databaseFailure(error, path: path)
    }
}
