import CacheStore
import Foundation
import Logging
import RedisClient
import Runner
import SharedTier
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import Testing

/// Hosts with separate databases sharing one catalog cache and one token through the real redis-server
/// scripts/test.sh starts.
@Suite(.enabled(if: sharedTestRedisURL != nil, "set SWINGCACHE_TEST_REDIS_URL (scripts/test.sh starts a redis-server)"))
struct SharedCacheTests {
    let prefix = "test:\(UUID().uuidString):"
    let twelveHours: TimeInterval = 12 * 3600

    func host(_ folder: TemporaryDirectory) throws -> TieredCache {
        let url = try #require(sharedTestRedisURL)
        let tier = RedisTier(redis: ReconnectingRedis(url: url), prefix: prefix)
        return TieredCache(store: try folder.store(), shared: tier.sharedCatalog(logger: .init(label: "test")))
    }

    func redis() throws -> ReconnectingRedis { ReconnectingRedis(url: try #require(sharedTestRedisURL)) }

    @Test func readsAreServedFromRedisWhenItHoldsTheEntry() async throws {
        let (first, second) = (try TemporaryDirectory(), try TemporaryDirectory())
        let writer = try host(first)
        let reader = try host(second)
        var factory = CatalogFactory(seed: 31)
        let ids = factory.ids(.track, count: 3) + factory.ids(.album, count: 2)
        let fetchedAt = Date()
        try await writer.save(.fetched(ids, at: fetchedAt, ttl: twelveHours), now: fetchedAt)

        let entries = try await reader.entries(for: ids)

        #expect(
            try await reader.store.catalog.cacheStates(for: ids).isEmpty, "the reader's own database holds none of them"
        )
        for id in ids {
            let entry = try #require(entries[id])
            #expect(entry.tier == .redis)
            #expect(entry.stored?.entity == CatalogFactory.entity(for: id), "every column and the raw answer")
            let stored = try #require(entry.stored)
            #expect(abs(stored.expiresAt.timeIntervalSince(fetchedAt.addingTimeInterval(twelveHours))) < 0.001)
        }
    }

    @Test func expiryInRedisMatchesWhatRemainsOfTheTTL() async throws {
        let writer = try host(try TemporaryDirectory())
        var factory = CatalogFactory(seed: 32)
        let (kept, gone) = (factory.id(.track), factory.id(.track))
        let now = Date()
        // Fetched two hours ago with a 12 h ttl: ten hours remain.
        try await writer.save(.fetched([kept], at: now.addingTimeInterval(-2 * 3600), ttl: twelveHours), now: now)
        try await writer.save(.missing([gone], at: now, ttl: 3600), now: now)

        let cache = RedisCatalogCache(redis: try redis(), prefix: prefix)
        let connection = try redis()
        for key in [cache.entityKey(kept), cache.freshnessKey(kept)] {
            let milliseconds = try #require(try await connection.send(["PTTL", key]).integer)
            // A minute of slack: on a loaded two-core machine the suite's other tests can delay this one by seconds.
            #expect((10 * 3600 * 1000 - 60_000)...(10 * 3600 * 1000) ~= milliseconds, "\(key): \(milliseconds) ms")
        }
        let missing = try #require(try await connection.send(["PTTL", cache.freshnessKey(gone)]).integer)
        #expect((3600 * 1000 - 60_000)...(3600 * 1000) ~= missing)
        #expect(try await connection.send(["EXISTS", cache.entityKey(gone)]).integer == 0)
    }

    @Test func anEntryWhoseTTLHasRunOutIsNotWrittenToRedis() async throws {
        let writer = try host(try TemporaryDirectory())
        var factory = CatalogFactory(seed: 33)
        let id = factory.id(.artist)
        let now = Date()
        try await writer.save(.fetched([id], at: now.addingTimeInterval(-13 * 3600), ttl: twelveHours), now: now)

        let cache = RedisCatalogCache(redis: try redis(), prefix: prefix)
        #expect(try await redis().send(["EXISTS", cache.entityKey(id), cache.freshnessKey(id)]).integer == 0)
        #expect(try await writer.store.catalog.entity(id) != nil, "SQLite keeps it until cleanup")
    }

    @Test func bulkLookUpsAskRedisFirstAndSQLiteForTheRest() async throws {
        let (first, second) = (try TemporaryDirectory(), try TemporaryDirectory())
        let other = try host(first)
        let this = try host(second)
        var factory = CatalogFactory(seed: 34)
        // More than one MGET's worth, so the chunks are pipelined together.
        let sharedIDs = factory.ids(.track, count: 2_500)
        let localIDs = factory.ids(.track, count: 10)
        let missingIDs = factory.ids(.album, count: 3)
        let unknownIDs = factory.ids(.track, count: 5)
        let now = Date()
        try await other.save(.fetched(sharedIDs, at: now, ttl: twelveHours), now: now)
        try await other.save(.missing(missingIDs, at: now, ttl: 3600), now: now)
        try await this.store.catalog.save(.fetched(localIDs, at: now.addingTimeInterval(-3600), ttl: twelveHours))

        let states = try await this.cacheStates(for: sharedIDs + localIDs + missingIDs + unknownIDs)

        #expect(states.count == sharedIDs.count + localIDs.count + missingIDs.count)
        let cachedAtNow = sharedIDs.filter {
            if case .cached(let fetchedAt, _) = states[$0] {
                abs(fetchedAt.timeIntervalSince(now)) < 0.001
            } else {
                false
            }
        }
        #expect(cachedAtNow.count == sharedIDs.count)
        for id in missingIDs {
            guard case .knownMissing(.notFound, _) = states[id] else {
                Issue.record("\(id) should be known missing, is \(String(describing: states[id]))")
                continue
            }
        }
        for id in unknownIDs { #expect(states[id] == nil) }

        let plan = try await Scheduler(cache: this).plan(
            JobSet(
                specs: [
                    JobSpec(
                        name: "host", path: "host.yaml",
                        targets: (sharedIDs + localIDs + unknownIDs).map {
                            JobTarget(id: $0, origin: SourceLocation(file: "host.yaml", line: 1, column: 1))
                        })
                ], defaultMarket: "US"), now: now)
        #expect(
            plan.itemsByState[.fresh] == sharedIDs.count + localIDs.count,
            "nothing another host fetched is fetched again")
        #expect(plan.itemsByState[.missing] == unknownIDs.count)
    }

    @Test func withRedisUnreachableWritesLandInSQLiteAndLookUpsComeFromIt() async throws {
        let folder = try TemporaryDirectory()
        let nowhere = RedisTier(redis: ReconnectingRedis(url: RedisURL(host: "127.0.0.1", port: 1)), prefix: prefix)
        let silent = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let cache = TieredCache(store: try folder.store(), shared: nowhere.sharedCatalog(logger: silent))
        var factory = CatalogFactory(seed: 35)
        let ids = factory.ids(.track, count: 4)
        let now = Date()

        try await cache.save(.fetched(ids, at: now, ttl: twelveHours), now: now)
        let entries = try await cache.entries(for: ids)

        #expect(ids.allSatisfy { entries[$0]?.tier == .sqlite && entries[$0]?.stored != nil })
        #expect(try await cache.cacheStates(for: ids).count == ids.count)
    }

    @Test func runnersShareOneAccessTokenAndDropItTogetherAfterA401() async throws {
        let credentials = SpotifyCredentials(clientID: "shared-client", clientSecret: "shared-secret")
        let tokenURL = URL(string: "http://127.0.0.1:1/api/token")!
        let issued = CallCounter()
        let transport = ScriptedTransport { _ in ScriptedTransport.tokenResponse("token-\(issued.next())") }
        let tier = RedisTier(redis: try redis(), prefix: prefix)
        let providers = (0..<3).map { _ in
            TokenProvider(
                credentials: credentials, tokenURL: tokenURL, transport: transport,
                sharedTokens: tier.tokens(for: credentials, endpoints: SpotifyEndpoints(tokenURL: tokenURL)))
        }

        for provider in providers { #expect(try await provider.accessToken() == "token-1") }
        #expect(transport.requests.count == 1, "one token for three runners")

        await providers[0].invalidate("token-1")
        #expect(try await providers[1].accessToken() == "token-1", "a runner keeps the token it holds")
        #expect(try await providers[0].accessToken() == "token-2")
        await providers[2].invalidate("token-1")  // a late 401 for the old token keeps the new one shared
        #expect(try await providers[2].accessToken() == "token-2")
        #expect(transport.requests.count == 2)
    }
}
