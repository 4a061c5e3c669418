import Foundation
import SwingCache

extension TransportResponse {
    /// Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.
    package static func retryAfterSeconds(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        // Held within the longest duration swingcache handles, so a wild header cannot overflow a date.
        if let seconds = TimeInterval(value), seconds.isFinite, seconds >= 0 {
            return min(seconds, DurationText.longest)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
