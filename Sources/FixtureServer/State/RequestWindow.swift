import Foundation

/// A fixed window of `limit` requests per `length` seconds, opened by the first request after the last one closed,
/// as ListenBrainz counts them; refused requests count too.
struct RequestWindow: Sendable {
    let limit: Int
    let length: TimeInterval
    private var opened: Date?
    private var count = 0

    /// What one request learns: whether it may pass, and what the `X-RateLimit-*` headers tell.
    struct Verdict: Sendable, Equatable {
        var admitted: Bool
        var limit: Int
        var remaining: Int
        /// Whole seconds until the window closes, rounded up.
        var resetIn: Int
        /// When the window closes.
        var resetAt: Date
    }

    init(limit: Int, length: TimeInterval) {
        self.limit = limit
        self.length = length
    }

    /// Counts a request arriving at `now`.
    mutating func admit(at now: Date) -> Verdict {
        if let opened, now < opened.addingTimeInterval(length) {
            count += 1
        } else {
            opened = now
            count = 1
        }
        let closes = (opened ?? now).addingTimeInterval(length)
        return Verdict(
            admitted: count <= limit, limit: limit, remaining: max(0, limit - count),
            resetIn: Int(closes.timeIntervalSince(now).rounded(.up)), resetAt: closes)
    }
}
