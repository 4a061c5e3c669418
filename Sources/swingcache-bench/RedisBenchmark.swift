import CacheStore
import Foundation
import Logging
import RedisClient
import Runner
import SharedTier
import SwingCache
import SwingCacheTestKit

/// The Redis tier against SQLite: bulk freshness look-ups of 100 000 ids, and single reads as `get` makes them.
///
/// Uses `SWINGCACHE_BENCH_REDIS_URL` when set, else starts a `redis-server` of its own on loopback.
struct RedisBenchmark {
    let count = 100_000

    func run() async throws {
        let ownServer: RedisServerProcess?
        let url: RedisURL
        if let given = ProcessInfo.processInfo.environment["SWINGCACHE_BENCH_REDIS_URL"].flatMap(RedisURL.init) {
            ownServer = nil
            url = given
        } else {
            let server = try RedisServerProcess()
            ownServer = server
            url = RedisURL(host: "127.0.0.1", port: server.port)
        }
        defer { withExtendedLifetime(ownServer) {} }
        print("swingcache-bench: the Redis tier (\(url)) against SQLite, \(count) tracks")

        let folder = try TemporaryDirectory()
        let path = folder.file("redis-bench.sqlite")
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
        let redis = ReconnectingRedis(url: url)
        let prefix = "bench:\(UUID().uuidString):"
        let tier = RedisTier(redis: redis, prefix: prefix)
        var factory = CatalogFactory(seed: 8)
        let ids = factory.ids(.track, count: count)
        let now = Date()
        var sqliteWrite = 0.0
        var redisWrite = 0.0
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let record = FetchRecord.fetched(Array(ids[start..<min(start + 1000, ids.count)]), at: now, ttl: 12 * 3600)
            sqliteWrite += try await measure { try await store.catalog.save(record) }.1
            redisWrite += try await measure { try await tier.catalog.write(record, now: now) }.1
        }
        print(
            "  writes of \(count) tracks, 1000 per call (not a goal): SQLite \(formatSeconds(sqliteWrite)), Redis \(formatSeconds(redisWrite))"
        )

        var shuffled = ids
        var generator = SeededGenerator(seed: 9)
        shuffled.shuffle(using: &generator)
        let reader = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        var sqliteTimes: [Double] = []
        var redisTimes: [Double] = []
        for _ in 0..<3 {
            let (fromSQLite, sqliteSeconds) = try await measure { try await reader.catalog.cacheStates(for: shuffled) }
            let (fromRedis, redisSeconds) = try await measure { try await tier.catalog.cacheStates(for: shuffled) }
            precondition(fromSQLite.count == count && fromRedis.count == count, "every id is known to both tiers")
            sqliteTimes.append(sqliteSeconds)
            redisTimes.append(redisSeconds)
        }
        print(
            "  bulk freshness look-up of \(count) ids, best of 3: SQLite \(formatSeconds(sqliteTimes.min()!)), Redis (\(count / RedisCatalogCache.idsPerCommand) MGETs pipelined) \(formatSeconds(redisTimes.min()!))"
        )

        let keys = shuffled.map { tier.catalog.freshnessKey($0) }
        let (_, rawSeconds) = try await measure {
            var commands: [[String]] = []
            for start in stride(from: 0, to: keys.count, by: 1000) {
                commands.append(["MGET"] + keys[start..<start + 1000])
            }
            _ = try await redis.pipeline(commands)
        }
        print("  (the MGETs alone, answers parsed into RESP values: \(formatSeconds(rawSeconds)))")
        let readerCache = TieredCache(store: reader)
        let sqliteGet = try await sample { id in _ = try await readerCache.entries(for: [id]) }
        let redisGet = try await sample { id in _ = try await tier.catalog.entries(for: [id]) }
        print(
            String(
                format:
                    "  get, in-process, one id at a time: SQLite p50 %.1f µs, p99 %.1f µs; Redis p50 %.1f µs, p99 %.1f µs",
                sqliteGet.p50, sqliteGet.p99, redisGet.p50, redisGet.p99))
        _ = try await redis.send([
            "EVAL", "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end", "0", prefix + "*",
        ])
        await redis.close()
        print(String(format: "  peak RSS: %.1f MB", peakResidentMegabytes()))
    }

    /// p50 and p99 in microseconds of `read` over 10 000 ids drawn at random.
    private func sample(_ read: (SpotifyID) async throws -> Void) async throws -> (p50: Double, p99: Double) {
        var factory = CatalogFactory(seed: 8)
        let ids = factory.ids(.track, count: 10_000)
        var generator = SeededGenerator(seed: 10)
        var samples: [Double] = []
        for _ in 0..<10_000 {
            let id = ids[Int(generator.next() % UInt64(ids.count))]
            let start = DispatchTime.now().uptimeNanoseconds
            try await read(id)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[samples.count * 99 / 100])
    }
}
