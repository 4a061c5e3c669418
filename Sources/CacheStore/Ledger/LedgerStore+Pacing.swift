import Foundation
import GRDB
import SwingCache

extension LedgerStore {
    /// Checks the budget against every process's ledger rows and, when a request may start now, writes its
    /// ledger row — in one immediate transaction, so two processes can never take the same slot.
    ///
    /// `dailyLimit` adds a rolling day (86 400 s) to the sliding hour.
    package func reserveRequest(
        service: String, endpoint: String, runID: Int64?, limit: Int, minInterval: TimeInterval, now: Date,
        dailyLimit: Int? = nil
    ) async throws -> Reservation {
        try await writer.writeWithoutTransaction { db in
            var reservation = Reservation.parked(until: now, reason: nil)
            try db.inTransaction(.immediate) {
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT parked_until, parked_reason, retry_after_until FROM service_state WHERE service = ?",
                    arguments: [service])
                if let parkedUntil = (row?["parked_until"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    parkedUntil > now
                {
                    reservation = .parked(until: parkedUntil, reason: row?["parked_reason"])
                    return .commit
                }
                let retryAfterUntil = (row?["retry_after_until"] as Double?).map(Date.init(timeIntervalSince1970:))
                let recent = try Double.fetchAll(
                    db,
                    sql:
                        "SELECT requested_at FROM request_ledger WHERE service = ? AND requested_at > ? ORDER BY requested_at",
                    arguments: [
                        service,
                        now.addingTimeInterval(-(dailyLimit == nil ? RateLimitState.window : RateLimitState.dayWindow))
                            .timeIntervalSince1970,
                    ]
                ).map(Date.init(timeIntervalSince1970:))
                let state = RateLimitState(
                    limit: limit, minInterval: minInterval, recentRequests: recent, blockedUntil: retryAfterUntil,
                    dailyLimit: dailyLimit)
                guard let earliest = state.earliestStart(notBefore: now) else {
                    reservation = .wait(until: .distantFuture, reason: .hourlyWindow)
                    return .commit
                }
                if earliest <= now {
                    try LedgerEntry(service: service, endpoint: endpoint, requestedAt: now, status: 0, runID: runID)
                        .insert(db)
                    reservation = .granted(ledgerID: db.lastInsertedRowID, at: now)
                } else if let retryAfterUntil, retryAfterUntil >= earliest {
                    reservation = .wait(until: earliest, reason: .retryAfter)
                } else if let withinDay = state.earliestStart(notBefore: now, ignoringDay: true), withinDay < earliest {
                    reservation = .wait(until: earliest, reason: .dailyWindow)
                } else if let spacing = state.earliestStart(notBefore: now, ignoringWindow: true), spacing < earliest {
                    reservation = .wait(until: earliest, reason: .hourlyWindow)
                } else {
                    reservation = .wait(until: earliest, reason: .minInterval)
                }
                return .commit
            }
            return reservation
        }
    }

    /// Writes the ledger row of a start a shared budget (Redis) granted: this database keeps its own account.
    package func appendReservation(service: String, endpoint: String, runID: Int64?, at time: Date) async throws
        -> Int64
    {
        try await writer.write { db in
            try LedgerEntry(service: service, endpoint: endpoint, requestedAt: time, status: 0, runID: runID).insert(db)
            return db.lastInsertedRowID
        }
    }

    /// Moves a reservation to the moment its request is really sent, so the next request is spaced from the
    /// send, not from the reservation a little earlier.
    package func markSent(ledgerID: Int64, at time: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE request_ledger SET requested_at = MAX(requested_at, ?) WHERE id = ?",
                arguments: [time.timeIntervalSince1970, ledgerID])
        }
    }

    /// Records the status of a reserved request that stored nothing (an error, a 429).
    package func completeRequest(ledgerID: Int64, status: Int) async throws {
        try await writer.write { db in try Self.complete(ledgerID: ledgerID, status: status, in: db) }
    }

    /// Removes a reservation whose request never reached the network.
    package func cancelReservation(ledgerID: Int64) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM request_ledger WHERE id = ? AND status = 0", arguments: [ledgerID])
        }
    }

    static func complete(ledgerID: Int64, status: Int, in db: Database) throws {
        try db.execute(sql: "UPDATE request_ledger SET status = ? WHERE id = ?", arguments: [status, ledgerID])
    }

    /// Keeps every process from calling `service` before `until` (a `Retry-After`), never shortening a longer block.
    package func blockRequests(_ service: String, until: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO service_state (service, retry_after_until) VALUES (?, ?)
                    ON CONFLICT(service) DO UPDATE SET retry_after_until = MAX(COALESCE(retry_after_until, 0), excluded.retry_after_until)
                    """,
                arguments: [service, until.timeIntervalSince1970])
        }
    }
}
