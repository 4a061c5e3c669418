import Foundation

/// What the store knows about one id, as the planner needs it.
package enum CacheEntryState: Hashable, Sendable {
    /// Nothing stored.
    case absent
    /// A stored answer and when it stops being fresh.
    case cached(fetchedAt: Date, expiresAt: Date)
    /// The service said the id does not exist (or is not a valid id); remembered until `expiresAt`.
    case knownMissing(reason: MissingReason, expiresAt: Date)
}

/// Why the service gave no entity for an id.
package enum MissingReason: String, Hashable, Sendable, Codable {
    /// `404`, or `null` in a batch answer.
    case notFound = "not_found"
    /// `400`: the service rejected the id itself.
    case invalid
}

/// Where an id stands, from the job's point of view.
package enum FreshnessState: String, CaseIterable, Hashable, Sendable, Codable {
    case fresh
    /// Fresh, but expires within `refresh_ahead`: fetched when the budget has room.
    case due
    /// Expired and not yet evicted (or a known-missing id whose memory expired).
    case stale
    case missing
    case knownMissing = "known_missing"
    /// Rejected by validation or by the service; never fetched.
    case invalid

    /// Whether the planner fetches ids in this state.
    package var needsFetch: Bool { self == .missing || self == .stale || self == .due }

    /// Fetch order: missing first, then stale, then due.
    package var fetchPriority: Int {
        switch self {
        case .missing: 0
        case .stale: 1
        case .due: 2
        case .fresh, .knownMissing, .invalid: 3
        }
    }
}

extension FreshnessPolicy {
    /// The state of an entry at `now` under this policy.
    package func state(of entry: CacheEntryState, at now: Date) -> FreshnessState {
        switch entry {
        case .absent:
            return .missing
        case .cached(_, let expiresAt):
            if expiresAt <= now { return .stale }
            return expiresAt.timeIntervalSince(now) <= refreshAhead ? .due : .fresh
        case .knownMissing(let reason, let expiresAt):
            if expiresAt <= now { return .stale }
            return reason == .invalid ? .invalid : .knownMissing
        }
    }
}

extension CacheEntryState {
    /// Whether a stored answer (or the memory that there is none) still holds at `now`, with no refresh ahead:
    /// how enrichment facts are judged.
    package func holds(at now: Date) -> Bool { expiry.map { $0 > now } ?? false }

    /// The time the planner orders stale and due entries by: the oldest expiry goes first.
    var expiry: Date? {
        switch self {
        case .absent: nil
        case .cached(_, let expiresAt), .knownMissing(_, let expiresAt): expiresAt
        }
    }
}
