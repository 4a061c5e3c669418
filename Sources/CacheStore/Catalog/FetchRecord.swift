import Foundation
import SwingCache

/// One request's results, written in one transaction with its ledger entry.
package struct FetchRecord: Sendable {
    package var entities: [CatalogEntity]
    package var missing: [(id: SpotifyID, reason: MissingReason)]
    package var request: LedgerWrite?
    package var fetchedAt: Date
    /// When each entity expires: `fetchedAt + ttl` of the job that listed it.
    package var expiresAt: @Sendable (SpotifyID) -> Date
    /// When each missing id may be asked about again.
    package var missingExpiresAt: @Sendable (SpotifyID) -> Date
    /// The freshness of each entity whose job sets `ttl_max`: its expiry then grows with every refresh that brings
    /// the same content back (``FreshnessPolicy/ttl(afterUnchangedRefreshes:)``); nil keeps `expiresAt`.
    package var changeAwarePolicy: @Sendable (SpotifyID) -> FreshnessPolicy?

    package init(
        entities: [CatalogEntity], missing: [(id: SpotifyID, reason: MissingReason)] = [], request: LedgerWrite?,
        fetchedAt: Date, expiresAt: @escaping @Sendable (SpotifyID) -> Date,
        missingExpiresAt: @escaping @Sendable (SpotifyID) -> Date,
        changeAwarePolicy: @escaping @Sendable (SpotifyID) -> FreshnessPolicy? = { _ in nil }
    ) {
        self.changeAwarePolicy = changeAwarePolicy
        self.entities = entities
        self.missing = missing
        self.request = request
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
        self.missingExpiresAt = missingExpiresAt
    }
}
