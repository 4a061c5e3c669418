import Foundation
import Logging

/// Whether a part of the Redis tier answers: warns once when it stops, says when it is back, and waits longer
/// between attempts while it stays away (5 s, doubling up to 5 min).
package struct RedisOutage: Sendable {
    /// What stopped answering, for the log: "the shared budget (Redis)".
    package let part: String
    /// What swingcache does meanwhile, for the log: "pacing with this database's ledger alone".
    package let fallback: String
    package private(set) var retryAt: Date?
    private var pause: TimeInterval = 5

    package init(part: String, fallback: String) {
        self.part = part
        self.fallback = fallback
    }

    package var isOngoing: Bool { retryAt != nil }

    package func mayTry(at now: Date) -> Bool { retryAt.map { now >= $0 } ?? true }

    package mutating func succeeded(logger: Logger) {
        guard retryAt != nil else { return }
        logger.notice("\(part) is reachable again")
        retryAt = nil
        pause = 5
    }

    package mutating func failed(_ error: any Error, at now: Date, logger: Logger) {
        if retryAt == nil {
            // An error answer (a full server's OOM, a missing permission) is not an unreachable server.
            let state = error is any CommandRefusal ? "refuses commands" : "is unreachable"
            logger.warning("\(part) \(state); \(fallback)", metadata: ["error": "\(error)"])
        }
        retryAt = now.addingTimeInterval(pause)
        pause = min(pause * 2, 300)
    }
}
