/// Why a request may not start yet.
package enum WaitReason: String, Hashable, Sendable, Codable, CaseIterable {
    case minInterval = "min_interval"
    case hourlyWindow = "hourly_window"
    case dailyWindow = "daily_window"
    case retryAfter = "retry_after"
    case backoff
}
