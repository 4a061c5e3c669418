import Foundation

/// A ledger's answer (this database's or the shared budget's) to "may a request to this service start now?".
package enum Reservation: Hashable, Sendable {
    /// Yes: a ledger row was written for it (status 0 until the answer is recorded).
    case granted(ledgerID: Int64, at: Date)
    /// Not before `until`.
    case wait(until: Date, reason: WaitReason)
    /// Not before `until`, which is a long way off: the run should end.
    case parked(until: Date, reason: String?)
}
