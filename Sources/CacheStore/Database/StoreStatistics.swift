import Foundation
import SwingCache

/// A picture of the store for `swingcache stats`.
package struct StoreStatistics: Hashable, Sendable, Codable {
    package struct EntryCounts: Hashable, Sendable, Codable {
        package var fresh = 0
        package var stale = 0
        package var knownMissing = 0
        package var invalid = 0

        package init() {}
    }

    package struct RequestCounts: Hashable, Sendable, Codable {
        package var lastHour = 0
        package var last24Hours = 0
        /// Requests of the last 24 hours by HTTP status ("0" when no answer came back).
        package var byStatus: [String: Int] = [:]

        package init() {}
    }

    package struct ServiceSummary: Hashable, Sendable, Codable {
        package var modes: [String: String]
        package var parkedUntil: Date?
        package var parkedReason: String?
        /// What the service allowed before its last `QUOTA_EXCEEDED`, when it ever answered one.
        package var learnedQuota: QuotaObservation?
    }

    package var entries: [String: EntryCounts]
    package var requests: [String: RequestCounts]
    package var services: [String: ServiceSummary]
    package var recentRuns: [RunRecord]
    package var databaseBytes: Int
}
