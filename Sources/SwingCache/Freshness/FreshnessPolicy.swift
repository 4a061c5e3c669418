import Foundation

/// How long answers stay fresh, and how early they are refreshed.
public struct FreshnessPolicy: Hashable, Sendable, Codable {
    /// How long a fetched entry stays fresh. Default 12 hours.
    public var ttl: TimeInterval
    /// An entry that expires within this window is *due*: refreshed when the budget has room. Default 0.
    public var refreshAhead: TimeInterval
    /// How long an id the service said does not exist is remembered. Default 6 hours.
    public var missingTTL: TimeInterval

    public init(ttl: TimeInterval = 12 * 3600, refreshAhead: TimeInterval = 0, missingTTL: TimeInterval = 6 * 3600) {
        self.ttl = ttl
        self.refreshAhead = refreshAhead
        self.missingTTL = missingTTL
    }
}
