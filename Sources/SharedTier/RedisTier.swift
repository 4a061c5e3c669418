import Foundation
import Logging
import Outbound
import RedisClient
import SpotifyAPI
import SwingCache

/// The Redis tier as configured: one connection, shared by the budget, the catalog cache and the access token.
///
/// ```swift
/// let tier = RedisTier(redis: ReconnectingRedis(url: url), prefix: "swingcache:v1:")
/// let cache = TieredCache(store: store, shared: tier.sharedCatalog(logger: logger))
/// ```
package struct RedisTier: Sendable {
    package let redis: ReconnectingRedis
    package let prefix: String
    /// Spotify's quota pool (`SWINGCACHE_QUOTA_GROUP`): its shared budget is kept under this name.
    package let quotaGroup: String?

    package init(redis: ReconnectingRedis, prefix: String, quotaGroup: String? = nil) {
        self.redis = redis
        self.prefix = prefix
        self.quotaGroup = quotaGroup
    }

    package var budget: RedisBudget { RedisBudget(redis: redis, prefix: prefix, quotaGroup: quotaGroup) }

    package var catalog: RedisCatalogCache { RedisCatalogCache(redis: redis, prefix: prefix) }

    package func sharedCatalog(logger: Logger) -> SharedCatalog { SharedCatalog(cache: catalog, logger: logger) }

    package func tokens(for credentials: SpotifyCredentials, endpoints: SpotifyEndpoints) -> RedisTokenStore {
        RedisTokenStore(redis: redis, prefix: prefix, clientID: credentials.clientID, tokenURL: endpoints.tokenURL)
    }
}

/// The Redis catalog cache as runs use it: a call that fails is logged once and answered with nil, and Redis is
/// left alone for a while before the next try — SQLite carries on meanwhile.
package actor SharedCatalog {
    package let cache: RedisCatalogCache
    private let logger: Logger
    private var outage = RedisOutage(
        part: "the shared cache (Redis)", fallback: "reading and writing this database alone")

    private let clock: any RunClock

    package init(cache: RedisCatalogCache, logger: Logger, clock: any RunClock = SystemClock()) {
        self.cache = cache
        self.logger = logger
        self.clock = clock
    }

    /// The body's answer, or nil when Redis is away.
    package func attempt<T: Sendable>(_ body: @Sendable (RedisCatalogCache) async throws -> T) async -> T? {
        let now = clock.now()
        guard outage.mayTry(at: now) else { return nil }
        do {
            let value = try await body(cache)
            outage.succeeded(logger: logger)
            return value
        } catch {
            outage.failed(error, at: now, logger: logger)
            return nil
        }
    }
}
