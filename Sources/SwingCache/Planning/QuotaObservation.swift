import Foundation

/// What a service allowed before it answered `QUOTA_EXCEEDED`: the requests the ledger held in the trailing day and
/// hour at that moment. The latest observation is the learned ceiling that plans stay under.
///
/// ```swift
/// let learned = QuotaObservation(observedAt: now, requestsInDay: 476, requestsInHour: 40, retryAfter: 48_925)
/// learned.ceiling(safetyShare: 0.9)  // 428
/// ```
package struct QuotaObservation: Hashable, Sendable, Codable {
    package var observedAt: Date
    /// Requests in the ledger's trailing 86 400 s when the quota was exceeded, the refused one included.
    package var requestsInDay: Int
    /// Requests in the ledger's trailing 3 600 s at the same moment.
    package var requestsInHour: Int
    /// The wait the service asked for, when it named one.
    package var retryAfter: TimeInterval?

    package init(observedAt: Date, requestsInDay: Int, requestsInHour: Int, retryAfter: TimeInterval?) {
        self.observedAt = observedAt
        self.requestsInDay = requestsInDay
        self.requestsInHour = requestsInHour
        self.retryAfter = retryAfter
    }

    /// Requests a rolling day may hold from now on: `safetyShare` of what the service refused at, at least 1.
    package func ceiling(safetyShare: Double) -> Int {
        let share = min(1, max(0, safetyShare.isFinite ? safetyShare : 0.9))
        return max(1, Int((Double(requestsInDay) * share).rounded(.down)))
    }
}
