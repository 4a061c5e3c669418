import Foundation

/// How Spotify serves one kind of entity to this app: in batches, or one id per request.
///
/// Development Mode apps created on or after 2026-02-11 get `403` from the batch endpoints.
package enum ServiceMode: String, Hashable, Sendable, Codable {
    /// Not yet probed: planned as batch; the first batch request decides.
    case unknown
    case batch
    case perItem = "per_item"

    /// How many ids one request of `kind` carries in this mode.
    package func idsPerRequest(for kind: EntityKind) -> Int {
        self == .perItem ? 1 : kind.batchLimit
    }
}

/// What the store remembers about a service between runs.
package struct ServiceState: Hashable, Sendable {
    package var modes: [EntityKind: ServiceMode]
    /// No request may be made before this time.
    package var parkedUntil: Date?
    package var parkedReason: String?
    /// A `Retry-After` some process was told to honour.
    package var retryAfterUntil: Date?
    /// What the service allowed before its last `QUOTA_EXCEEDED`: the learned daily ceiling.
    package var learnedQuota: QuotaObservation?

    package init(
        modes: [EntityKind: ServiceMode] = [:], parkedUntil: Date? = nil, parkedReason: String? = nil,
        retryAfterUntil: Date? = nil
    ) {
        self.modes = modes
        self.parkedUntil = parkedUntil
        self.parkedReason = parkedReason
        self.retryAfterUntil = retryAfterUntil
    }

    /// No request may start before this.
    package var blockedUntil: Date? { [parkedUntil, retryAfterUntil].compactMap { $0 }.max() }

    package func mode(for kind: EntityKind) -> ServiceMode { modes[kind] ?? .unknown }
}
