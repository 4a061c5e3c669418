import Foundation
import SwingCache

/// A budget several runners on several hosts share: the min-interval and the sliding hour enforced in one
/// place for all of them. `RedisBudget` (`SharedTier`) keeps it in a Redis-compatible server.
package protocol SharedBudget: Sendable {
    /// Grants a start now (and counts it), or says until when to wait and why; `dailyLimit` adds a rolling day.
    func reserve(service: String, limit: Int, minInterval: TimeInterval, now: Date, dailyLimit: Int?) async throws
        -> Reservation
    /// Moves a granted start to the moment the request is really sent.
    func markSent(service: String, grantedAt: Date, sentAt: Date) async throws
    /// No runner may call `service` before `until` (a `Retry-After`).
    func block(service: String, until: Date) async throws
    /// No runner may call `service` before `until`, for a long while (`QUOTA_EXCEEDED`).
    func park(service: String, until: Date, reason: String) async throws
}
