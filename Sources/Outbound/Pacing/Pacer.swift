import Foundation
import Logging
import ServiceLifecycle
import SwingCache

/// Waits until the budget lets a request start, then reserves its slot in the shared ledger.
///
/// The decisions are the ledger's
/// (``RequestLedger/reserveRequest(service:endpoint:runID:limit:minInterval:now:dailyLimit:)``, driven by
/// ``RateLimitState``); the pacer only sleeps on the injected clock and keeps account of the waits.
package actor Pacer {
    /// Why the pacer will not let another request start in this run.
    package enum Refusal: Hashable, Sendable {
        case parked(until: Date, reason: String?)
        /// The sliding hour is spent and the run may not wait for it (no `max_runtime`).
        case hourlyQuota
        /// The rolling day is spent (its configured or learned limit) and the run may not wait for it.
        case dailyQuota
        /// The next start would fall after the run's deadline.
        case deadline
    }

    package enum Acquisition: Hashable, Sendable {
        case granted(ledgerID: Int64, at: Date)
        case refused(Refusal)
    }

    private let store: any RequestLedger
    /// The service's name in the ledger and the service state.
    nonisolated let service: String
    private let clock: any RunClock
    private let limit: Int
    private let dailyLimit: Int?
    private let minInterval: TimeInterval
    private let runID: Int64?
    private let deadline: Date?
    private let waitsForWindow: Bool
    /// Seconds spent waiting, by reason.
    package private(set) var waited: [WaitReason: TimeInterval] = [:]
    /// Told when a wait begins, for progress displays.
    private let onWait: @Sendable (WaitReason, Date) -> Void
    /// The budget several runners share, when one is configured; this database's ledger decides without it.
    private let sharedBudget: (any SharedBudget)?
    private let logger: Logger
    private var sharedOutage = RedisOutage(
        part: "the shared budget (Redis)", fallback: "pacing with this database's ledger alone")

    /// - Parameters:
    ///   - limit: requests allowed in any sliding hour: `per_hour - reserve` for runs, `per_hour` for `get`.
    ///   - dailyLimit: requests allowed in any rolling day (``BudgetPolicy/dailyLimit(learned:)``); nil for none.
    ///   - deadline: no request starts after this.
    ///   - waitsForWindow: whether to wait for the hourly window to roll, or refuse at once.
    package init(
        store: any RequestLedger, service: String, clock: any RunClock, limit: Int, minInterval: TimeInterval,
        runID: Int64?, deadline: Date?, waitsForWindow: Bool, dailyLimit: Int? = nil,
        sharedBudget: (any SharedBudget)? = nil,
        logger: Logger = Logger(label: "swingcache.pacer"),
        onWait: @escaping @Sendable (WaitReason, Date) -> Void = { _, _ in }
    ) {
        self.onWait = onWait
        self.sharedBudget = sharedBudget
        self.logger = logger
        self.store = store
        self.service = service
        self.clock = clock
        self.limit = limit
        self.dailyLimit = dailyLimit
        self.minInterval = minInterval
        self.runID = runID
        self.deadline = deadline
        self.waitsForWindow = waitsForWindow
    }

    /// Returns once a request to `endpoint` may start (its ledger row written), or why none may in this run.
    package func acquire(endpoint: String) async throws -> Acquisition {
        while true {
            let now = clock.now()
            switch try await reserve(endpoint: endpoint, now: now) {
            case .granted(let ledgerID, let at):
                return .granted(ledgerID: ledgerID, at: at)
            case .parked(let until, let reason):
                return .refused(.parked(until: until, reason: reason))
            case .wait(let until, let reason):
                if reason == .hourlyWindow && !waitsForWindow { return .refused(.hourlyQuota) }
                if reason == .dailyWindow && !waitsForWindow { return .refused(.dailyQuota) }
                if let deadline, until > deadline { return .refused(.deadline) }
                try await wait(until: until, reason: reason)
            }
        }
    }

    /// Asks the shared budget when there is one and it answers, else this database's ledger.
    private func reserve(endpoint: String, now: Date) async throws -> Reservation {
        if let sharedBudget, sharedOutage.mayTry(at: now) {
            do {
                let reservation = try await sharedBudget.reserve(
                    service: service, limit: limit, minInterval: minInterval, now: now, dailyLimit: dailyLimit)
                sharedOutage.succeeded(logger: logger)
                guard case .granted(_, let at) = reservation else { return reservation }
                let ledgerID = try await store.appendReservation(
                    service: service, endpoint: endpoint, runID: runID, at: at)
                return .granted(ledgerID: ledgerID, at: at)
            } catch {
                sharedOutage.failed(error, at: now, logger: logger)
            }
        }
        return try await store.reserveRequest(
            service: service, endpoint: endpoint, runID: runID, limit: limit, minInterval: minInterval, now: now,
            dailyLimit: dailyLimit)
    }

    /// Moves a granted start to the moment its request is sent, in every budget that counted it.
    ///
    /// Called again with the moment its answer arrived (``OutboundPipeline`` does): a request holds its slot until
    /// then, so the next one is sent at least `minInterval` after the server received this one, whatever the delay
    /// between recording a send and the request reaching the server.
    package func markSent(ledgerID: Int64, grantedAt: Date, sentAt: Date) async {
        try? await store.markSent(ledgerID: ledgerID, at: sentAt)
        if let sharedBudget, !sharedOutage.isOngoing {
            try? await sharedBudget.markSent(service: service, grantedAt: grantedAt, sentAt: sentAt)
        }
    }

    /// Keeps every runner from calling the service before `until`.
    package func block(until: Date) async {
        try? await store.blockRequests(service, until: until)
        if let sharedBudget { try? await sharedBudget.block(service: service, until: until) }
    }

    /// Parks the service for every runner until `until`.
    package func park(until: Date, reason: String) async {
        try? await store.park(service, until: until, reason: reason)
        if let sharedBudget { try? await sharedBudget.park(service: service, until: until, reason: reason) }
    }

    /// Sleeps for a backoff, counting it with the other waits.
    package func backOff(for seconds: TimeInterval) async throws {
        try await wait(until: clock.now().addingTimeInterval(seconds), reason: .backoff)
    }

    /// Sleeps until `until`; a graceful shutdown ends the wait at once, with `CancellationError`, or keeps it from
    /// beginning.
    private func wait(until: Date, reason: WaitReason) async throws {
        let start = clock.now()
        onWait(reason, until)
        if Task.isShuttingDownGracefully { throw CancellationError() }
        let clock = self.clock
        try await cancelWhenGracefulShutdown { try await clock.sleep(until: until) }
        waited[reason, default: 0] += max(0, clock.now().timeIntervalSince(start))
    }
}
