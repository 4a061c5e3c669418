import Foundation

/// How long answers stay fresh, and how early they are refreshed.
package struct FreshnessPolicy: Hashable, Sendable, Codable {
    /// How long a fetched entry stays fresh. Default 12 hours.
    package var ttl: TimeInterval
    /// An entry that expires within this window is *due*: refreshed when the budget has room. Default 0.
    package var refreshAhead: TimeInterval
    /// How long an id the service said does not exist is remembered. Default 6 hours.
    package var missingTTL: TimeInterval
    /// Change-aware freshness, when set: each refresh that brings back the same content doubles the entry's next
    /// ttl, up to this; a change resets it to `ttl`. Default nil (off).
    package var ttlMax: TimeInterval?

    package init(
        ttl: TimeInterval = 12 * 3600, refreshAhead: TimeInterval = 0, missingTTL: TimeInterval = 6 * 3600,
        ttlMax: TimeInterval? = nil
    ) {
        self.ttl = ttl
        self.refreshAhead = refreshAhead
        self.missingTTL = missingTTL
        self.ttlMax = ttlMax
    }

    /// The `ttl_max` an app in Spotify's Development Mode gets when its spec names none: a refresh there brings no
    /// popularity, so an unchanged entity is refreshed less and less often and the day's quota goes to what is new.
    package static let developmentModeTTLMax: TimeInterval = 7 * 86_400

    /// This policy for an entity fetched one id per request (Development Mode): change-aware up to
    /// ``developmentModeTTLMax`` unless `ttl_max` is set.
    package var inDevelopmentMode: FreshnessPolicy {
        var policy = self
        if policy.ttlMax == nil { policy.ttlMax = max(ttl, Self.developmentModeTTLMax) }
        return policy
    }

    /// The ttl of an entry whose content came back unchanged `unchangedRefreshes` times in a row.
    package func ttl(afterUnchangedRefreshes unchangedRefreshes: Int) -> TimeInterval {
        guard let ttlMax, unchangedRefreshes > 0 else { return ttl }
        return min(max(ttl, ttlMax), ttl * pow(2, Double(min(unchangedRefreshes, 40))))
    }
}
