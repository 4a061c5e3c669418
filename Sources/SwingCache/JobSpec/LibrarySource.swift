import Foundation

/// A SwingMusic library a job enriches: its tracks are matched to Spotify and looked up by the providers.
package struct LibrarySource: Sendable, Equatable {
    /// The SwingMusic database, resolved beside the spec; nil for SwingMusic's own lookup order.
    package var swingMusicDatabase: String?
    /// Whose local plays count; nil for every user's.
    package var user: String?
    /// Where the spec said `library:`, for messages.
    package var origin: SourceLocation

    package init(swingMusicDatabase: String? = nil, user: String? = nil, origin: SourceLocation) {
        self.swingMusicDatabase = swingMusicDatabase
        self.user = user
        self.origin = origin
    }
}

/// Which providers enrich a job's library tracks, each with its own ttl and, where the spec says so, its own
/// budget in place of the provider's default.
///
/// ```yaml
/// enrich:
///   lastfm: { ttl: 7d, username: alice, per_hour: 2000 }
///   musicbrainz: { ttl: 30d, max_requests: 500 }
///   listenbrainz:                # the default ttl and budget
///   links: { ttl: 30d, odesli: false, min_interval: 1s }
/// ```
package struct EnrichmentSettings: Sendable, Equatable {
    /// The providers the spec turned on, and each one's ttl: `links` gives Deezer's, and Odesli's when
    /// `links.odesli` is true.
    package var ttls: [Provider: TimeInterval]
    /// The text fields the spec gives a provider beside its ttl and budget (``ProviderIdentity/fields``), by
    /// provider then field: Last.fm's `username`.
    package var fields: [Provider: [String: String]]
    /// What the spec changes of each provider's budget; a provider left out keeps its default. `links` changes
    /// Deezer's: Odesli's key is allow-listed with its own terms.
    package var budgets: [Provider: ProviderBudgetOverride]

    package init(
        ttls: [Provider: TimeInterval] = [:], lastfmUsername: String? = nil,
        budgets: [Provider: ProviderBudgetOverride] = [:]
    ) {
        self.ttls = ttls
        self.fields = [:]
        self.budgets = budgets
        self.lastfmUsername = lastfmUsername
    }

    /// The value the spec gives `provider`'s text field `name` (`enrich.lastfm.username`), if any.
    package func field(_ name: String, of provider: Provider) -> String? { fields[provider]?[name] }

    /// Sets `provider`'s text field `name`; nil removes it.
    package mutating func setField(_ name: String, of provider: Provider, to value: String?) {
        fields[provider, default: [:]][name] = value
        if fields[provider]?.isEmpty == true { fields[provider] = nil }
    }

    /// The Last.fm user whose play count tells which local plays Last.fm already counts (`enrich.lastfm.username`).
    package var lastfmUsername: String? {
        get { field("username", of: .lastfm) }
        set { setField("username", of: .lastfm, to: newValue) }
    }

    /// The `enrich:` keys the spec turned on, sorted: `links` for Deezer and Odesli.
    package var enrichKeys: [String] { Set(ttls.keys.map(\.enrichKey)).sorted() }

    package func isEnabled(_ provider: Provider) -> Bool { ttls[provider] != nil }
}

/// The budget a spec gives one provider under `enrich:`; each value left nil keeps the provider's default.
///
/// `per_hour` is what runs may spend in any sliding hour, counting every run on the database: unlike
/// Spotify's `budget.per_hour`, no reserve is kept back from it.
package struct ProviderBudgetOverride: Sendable, Equatable {
    package var perHour: Int?
    package var minInterval: TimeInterval?
    /// The most requests one run sends to the provider.
    package var maxRequests: Int?

    package init(perHour: Int? = nil, minInterval: TimeInterval? = nil, maxRequests: Int? = nil) {
        self.perHour = perHour
        self.minInterval = minInterval
        self.maxRequests = maxRequests
    }

    /// `budget` with the values this override sets.
    package func applied(to budget: BudgetPolicy) -> BudgetPolicy {
        var budget = budget
        if let perHour {
            budget.perHour = perHour
            budget.reserve = 0
        }
        if let minInterval { budget.minInterval = minInterval }
        if let maxRequests { budget.maxRequests = maxRequests }
        return budget
    }
}
