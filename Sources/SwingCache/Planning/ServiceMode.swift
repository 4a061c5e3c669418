import Foundation

/// How Spotify serves one kind of entity to this app: in batches, or one id per request.
///
/// Development Mode apps created on or after 2026-02-11 get `403` from the batch endpoints.
public enum ServiceMode: String, Hashable, Sendable, Codable {
    /// Not yet probed: planned as batch; the first batch request decides.
    case unknown
    case batch
    case perItem = "per_item"

    /// How many ids one request of `kind` carries in this mode.
    public func idsPerRequest(for kind: EntityKind) -> Int {
        self == .perItem ? 1 : kind.batchLimit
    }
}

/// What the store remembers about a service between runs.
public struct ServiceState: Hashable, Sendable {
    public var modes: [EntityKind: ServiceMode]
    /// No request may be made before this time.
    public var parkedUntil: Date?
    public var parkedReason: String?
    /// A `Retry-After` some process was told to honour.
    public var retryAfterUntil: Date?
    /// What the service allowed before its last `QUOTA_EXCEEDED`: the learned daily ceiling.
    public var learnedQuota: QuotaObservation?

    public init(
        modes: [EntityKind: ServiceMode] = [:], parkedUntil: Date? = nil, parkedReason: String? = nil,
        retryAfterUntil: Date? = nil
    ) {
        self.modes = modes
        self.parkedUntil = parkedUntil
        self.parkedReason = parkedReason
        self.retryAfterUntil = retryAfterUntil
    }

    /// No request may start before this.
    public var blockedUntil: Date? { [parkedUntil, retryAfterUntil].compactMap { $0 }.max() }

    public func mode(for kind: EntityKind) -> ServiceMode { modes[kind] ?? .unknown }
}
