import Foundation

/// What the pure core knows of a provider, declared once beside its case of ``Provider``: the name people know it
/// by, how a job spec's `enrich:` section turns it on and what that section may say of it, and how long its answers
/// keep.
///
/// Everything a run does with a provider — its client, throttle, budget, configuration keys, enrichers and preview —
/// is its `ProviderDeclaration`, in its own folder of `EnrichmentAPI`. This part stays in the core because job specs
/// are read here, with no provider's target linked; the spec reader and ``EnrichmentSettings`` read it and name no
/// provider.
///
/// ```swift
/// ProviderIdentity("Odesli", ttl: 30 * 86_400, enrichKey: "links", turnedOnBy: "odesli")
/// ```
package struct ProviderIdentity: Sendable, Equatable {
    /// The name people know the service by, for messages: `MusicBrainz`.
    package var displayName: String
    /// How long its answer stays fresh unless the spec says otherwise.
    package var defaultTTL: TimeInterval
    /// Its key under `enrich:` when it shares one with another provider (`links`: Deezer, and Odesli); nil for
    /// the provider's own name.
    package var enrichKey: String?
    /// For a provider that shares another's `enrich:` key: the boolean field under it that turns it on
    /// (`links.odesli: true`), with that provider's ttl. Nil for the provider the key itself turns on.
    package var turnedOnBy: String?
    /// The text fields its `enrich:` key takes beside `ttl` and the budget's (`username`), kept in
    /// ``EnrichmentSettings/fields``.
    package var fields: [String]
    /// The shortest `min_interval` a spec may give it, and why (MusicBrainz's one request a second); nil for none.
    package var shortestInterval: ShortestInterval?

    package init(
        _ displayName: String, ttl: TimeInterval, enrichKey: String? = nil, turnedOnBy: String? = nil,
        fields: [String] = [], shortestInterval: ShortestInterval? = nil
    ) {
        self.displayName = displayName
        self.defaultTTL = ttl
        self.enrichKey = enrichKey
        self.turnedOnBy = turnedOnBy
        self.fields = fields
        self.shortestInterval = shortestInterval
    }

    /// The least time between two requests a provider allows, and the reason a spec's error gives.
    package struct ShortestInterval: Sendable, Equatable {
        package var seconds: TimeInterval
        /// Why: `MusicBrainz allows one request per second`.
        package var reason: String

        package init(_ seconds: TimeInterval, _ reason: String) {
            self.seconds = seconds
            self.reason = reason
        }
    }
}
