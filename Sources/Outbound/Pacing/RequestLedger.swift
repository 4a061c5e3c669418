import Foundation
import SwingCache

/// Where the pacer and the pipeline keep account of every request: one row per request, and the service's waits and
/// parking, shared by every process that shares it. The cache database is the one ledger of a run.
///
/// ```swift
/// let pacer = Pacer(store: ledger, service: "spotify", clock: clock, limit: 900, minInterval: 2, runID: runID,
///                   deadline: nil, waitsForWindow: true)
/// ```
package protocol RequestLedger: Sendable {
    /// Checks the budget against every process's rows and, when a request may start now, writes its row.
    func reserveRequest(
        service: String, endpoint: String, runID: Int64?, limit: Int, minInterval: TimeInterval, now: Date,
        dailyLimit: Int?
    ) async throws -> Reservation
    /// Writes the row of a start a shared budget granted.
    func appendReservation(service: String, endpoint: String, runID: Int64?, at time: Date) async throws -> Int64
    /// Moves a reservation to the moment its request is really sent.
    func markSent(ledgerID: Int64, at time: Date) async throws
    /// Records the status of a reserved request that stored nothing.
    func completeRequest(ledgerID: Int64, status: Int) async throws
    /// Removes a reservation whose request never reached the network.
    func cancelReservation(ledgerID: Int64) async throws
    /// Keeps every process from calling `service` before `until` (a `Retry-After`).
    func blockRequests(_ service: String, until: Date) async throws
    /// Parks `service` for every process until `until`.
    func park(_ service: String, until: Date?, reason: String?) async throws
    /// Records that `service` said its quota is spent, with what the ledger holds in the trailing day and hour.
    @discardableResult
    func recordQuotaExceeded(_ service: String, at time: Date, retryAfter: TimeInterval?) async throws
        -> QuotaObservation
    /// How a run ends when writing the ledger failed with `error`; nil when `error` is not the ledger's (a stop
    /// request that ended a wait).
    func runOutcome(afterFailure error: any Error) -> RunOutcome?
}
