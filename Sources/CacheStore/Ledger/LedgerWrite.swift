/// The ledger side of a write: a new row, or the status of a row reserved when the request started.
package enum LedgerWrite: Hashable, Sendable {
    case append(LedgerEntry)
    case complete(ledgerID: Int64, status: Int)
}
