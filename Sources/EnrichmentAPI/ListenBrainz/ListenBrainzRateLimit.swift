import Foundation
import Outbound

/// What ListenBrainz's `X-RateLimit-*` headers said, and when: every answer carries them, 429s included.
package struct ListenBrainzRateLimit: Hashable, Sendable {
    /// Requests allowed per window (`X-RateLimit-Limit`), when sent.
    package var limit: Int?
    /// Requests left in the current window (`X-RateLimit-Remaining`).
    package var remaining: Int
    /// Seconds until the window resets (`X-RateLimit-Reset-In`), counted from `receivedAt`.
    package var resetIn: TimeInterval
    /// When the answer that carried the headers arrived.
    package var receivedAt: Date

    package init(limit: Int? = nil, remaining: Int, resetIn: TimeInterval, receivedAt: Date) {
        self.limit = limit
        self.remaining = remaining
        self.resetIn = resetIn
        self.receivedAt = receivedAt
    }

    /// The headers of `response`, whatever their case; nil when `Remaining` or `Reset-In` is missing or not a number.
    package init?(headersOf response: TransportResponse, receivedAt: Date) {
        func number(_ name: String) -> Double? {
            response.header(name).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        }
        guard let remaining = number("X-RateLimit-Remaining"), let resetIn = number("X-RateLimit-Reset-In") else {
            return nil
        }
        self.init(
            limit: number("X-RateLimit-Limit").map { Int($0) }, remaining: max(0, Int(remaining)),
            resetIn: max(0, resetIn), receivedAt: receivedAt)
    }

    /// When the window resets.
    package var resetAt: Date { receivedAt.addingTimeInterval(resetIn) }
}
