import CacheStore
import Foundation
import SwingCache

/// Waits until the budget lets a request start, then reserves its slot in the shared ledger.
///
/// The decisions are the store's (``SQLiteCacheStore/reserveRequest(service:endpoint:runID:limit:minInterval:now:)``,
/// driven by ``RateLimitState``); the pacer only sleeps on the injected clock and keeps account of the waits.
public actor Pacer {
    /// Why the pacer will not let another request start in this run.
    public enum Refusal: Hashable, Sendable {
        case parked(until: Date, reason: String?)
        /// The sliding hour is spent and the run may not wait for it (no `max_runtime`).
        case hourlyQuota
        /// The next start would fall after the run's deadline.
        case deadline
    }

    public enum Acquisition: Hashable, Sendable {
        case granted(ledgerID: Int64, at: Date)
        case refused(Refusal)
    }

    private let store: SQLiteCacheStore
    private let service: String
    private let clock: any RunClock
    private let limit: Int
    private let minInterval: TimeInterval
    private let runID: Int64?
    private let deadline: Date?
    private let waitsForWindow: Bool
    /// Seconds spent waiting, by reason.
    public private(set) var waited: [WaitReason: TimeInterval] = [:]
    /// Told when a wait begins, for progress displays.
    private let onWait: @Sendable (WaitReason, Date) -> Void

    /// - Parameters:
    ///   - limit: requests allowed in any sliding hour: `per_hour - reserve` for runs, `per_hour` for `get`.
    ///   - deadline: no request starts after this.
    ///   - waitsForWindow: whether to wait for the hourly window to roll, or refuse at once.
    public init(
        store: SQLiteCacheStore, service: String, clock: any RunClock, limit: Int, minInterval: TimeInterval,
        runID: Int64?, deadline: Date?, waitsForWindow: Bool,
        onWait: @escaping @Sendable (WaitReason, Date) -> Void = { _, _ in }
    ) {
        self.onWait = onWait
        self.store = store
        self.service = service
        self.clock = clock
        self.limit = limit
        self.minInterval = minInterval
        self.runID = runID
        self.deadline = deadline
        self.waitsForWindow = waitsForWindow
    }

    /// Returns once a request to `endpoint` may start (its ledger row written), or why none may in this run.
    public func acquire(endpoint: String) async throws -> Acquisition {
        while true {
            let now = clock.now()
            switch try store.reserveRequest(
                service: service, endpoint: endpoint, runID: runID, limit: limit, minInterval: minInterval, now: now)
            {
            case .granted(let ledgerID, let at):
                return .granted(ledgerID: ledgerID, at: at)
            case .parked(let until, let reason):
                return .refused(.parked(until: until, reason: reason))
            case .wait(let until, let reason):
                if reason == .hourlyWindow && !waitsForWindow { return .refused(.hourlyQuota) }
                if let deadline, until > deadline { return .refused(.deadline) }
                try await wait(until: until, reason: reason)
            }
        }
    }

    /// Sleeps for a backoff, counting it with the other waits.
    public func backOff(for seconds: TimeInterval) async throws {
        try await wait(until: clock.now().addingTimeInterval(seconds), reason: .backoff)
    }

    private func wait(until: Date, reason: WaitReason) async throws {
        let start = clock.now()
        onWait(reason, until)
        try await clock.sleep(until: until)
        waited[reason, default: 0] += max(0, clock.now().timeIntervalSince(start))
    }
}
