import Foundation
import GRDB
import SwingCache

extension LedgerStore {
    /// The modes learned for `service` and whether it is parked.
    package func serviceState(_ service: String) async throws -> ServiceState {
        try await writer.read { db in
            var state = ServiceState()
            for row in try Row.fetchAll(
                db, sql: "SELECT kind, mode FROM service_mode WHERE service = ?", arguments: [service])
            {
                if let kind = EntityKind(rawValue: row["kind"]), let mode = ServiceMode(rawValue: row["mode"]) {
                    state.modes[kind] = mode
                }
            }
            if let row = try Row.fetchOne(
                db, sql: "SELECT parked_until, parked_reason FROM service_state WHERE service = ?", arguments: [service]
            ) {
                state.parkedUntil = (row["parked_until"] as Double?).map(Date.init(timeIntervalSince1970:))
                state.parkedReason = row["parked_reason"]
            }
            state.learnedQuota = try Self.latestQuotaObservation(service, in: db)
            return state
        }
    }

    /// Records that `service` answered `QUOTA_EXCEEDED` at `time`, with how many requests the ledger holds in the
    /// trailing day and hour (the refused one included): from now on plans stay under a share of it.
    @discardableResult
    package func recordQuotaExceeded(_ service: String, at time: Date, retryAfter: TimeInterval?) async throws
        -> QuotaObservation
    {
        try await writer.write { db in
            func requests(since start: Date) throws -> Int {
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM request_ledger WHERE service = ? AND requested_at > ?",
                    arguments: [service, start.timeIntervalSince1970]) ?? 0
            }
            let observation = QuotaObservation(
                observedAt: time,
                requestsInDay: try requests(since: time.addingTimeInterval(-RateLimitState.dayWindow)),
                requestsInHour: try requests(since: time.addingTimeInterval(-RateLimitState.window)),
                retryAfter: retryAfter)
            try db.execute(
                sql: """
                    INSERT INTO quota_observation (service, observed_at, requests_in_day, requests_in_hour, retry_after)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    service, time.timeIntervalSince1970, observation.requestsInDay, observation.requestsInHour,
                    retryAfter,
                ])
            return observation
        }
    }

    static func latestQuotaObservation(_ service: String, in db: Database) throws -> QuotaObservation? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT observed_at, requests_in_day, requests_in_hour, retry_after FROM quota_observation
                WHERE service = ? ORDER BY observed_at DESC, id DESC LIMIT 1
                """,
            arguments: [service]
        ).map { row in
            QuotaObservation(
                observedAt: Date(timeIntervalSince1970: row["observed_at"]), requestsInDay: row["requests_in_day"],
                requestsInHour: row["requests_in_hour"], retryAfter: row["retry_after"])
        }
    }

    /// When `service`'s mode for `kind` was learned, for re-checking it after a while.
    package func modeLearnedAt(_ service: String, kind: EntityKind) async throws -> Date? {
        try await writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT learned_at FROM service_mode WHERE service = ? AND kind = ?",
                arguments: [service, kind.rawValue]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    package func setMode(_ mode: ServiceMode, service: String, kind: EntityKind, learnedAt: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO service_mode (service, kind, mode, learned_at) VALUES (?, ?, ?, ?)",
                arguments: [service, kind.rawValue, mode.rawValue, learnedAt.timeIntervalSince1970])
        }
    }

    /// Stops every process sharing the database from calling `service` before `until`.
    package func park(_ service: String, until: Date?, reason: String?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO service_state (service, parked_until, parked_reason) VALUES (?, ?, ?)
                    ON CONFLICT(service) DO UPDATE SET parked_until = excluded.parked_until,
                        parked_reason = excluded.parked_reason
                    """,
                arguments: [service, until?.timeIntervalSince1970, reason])
        }
    }
}
