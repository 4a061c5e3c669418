import Foundation
import SwingCacheTestKit
import Testing

/// A Redis that accepts and never answers, configured with a short `SWINGCACHE_REDIS_TIMEOUT`: every command
/// ends, the run carries on with SQLite alone after one warning per part of the tier.
@Suite(.timeLimit(.minutes(1))) struct StalledRedisTests {
    let folder: TemporaryDirectory
    let redis: SilentListener

    init() throws {
        folder = try TemporaryDirectory()
        redis = try SilentListener()
        var factory = CatalogFactory(seed: 31)
        let ids = factory.ids(.track, count: 6).map(\.value).joined(separator: ", ")
        try folder.write("job.yaml", "targets:\n  tracks: [\(ids)]\nbudget:\n  min_interval: 10ms\n  reserve: 0\n")
    }

    func environment(_ server: FixtureServerProcess? = nil) -> [String: String] {
        (server?.environment ?? ["SPOTIFY_CLIENT_ID": "id", "SPOTIFY_CLIENT_SECRET": "secret"]).merging([
            "SWINGCACHE_DB": folder.file("cache.sqlite"), "SWINGCACHE_REDIS_URL": redis.redisURL,
            "SWINGCACHE_REDIS_TIMEOUT": "200ms",
        ]) { $1 }
    }

    @Test func aRunWhoseRedisNeverAnswersCompletesOnSQLiteWithOneWarning() async throws {
        let server = try FixtureServerProcess(["--development-mode"])
        let run = try await CommandLineRun.swingcache(
            ["run", "job.yaml"], in: folder.path, environment: environment(server))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.components(separatedBy: "the shared budget (Redis) is unreachable").count == 2,
            "\(run.standardError)")
        #expect(run.standardError.contains("Redis sent no answer within 0.2s"))
        #expect(try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM track") == "6")
    }

    @Test func readingCommandsEndTooAndSaySo() async throws {
        let get = try await CommandLineRun.swingcache(
            ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--offline"], in: folder.path, environment: environment())
        #expect(get.status == 75, "not cached, and the shared cache could not say otherwise: \(get.standardError)")
        #expect(get.standardError.contains("the shared cache (Redis) is unreachable"))

        let doctor = try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: environment())
        #expect(doctor.status == 69)
        #expect(doctor.standardOutput.contains("is unreachable: Redis sent no answer within 0.2s"))

        let cleanup = try await CommandLineRun.swingcache(["cleanup"], in: folder.path, environment: environment())
        #expect(cleanup.status == 69, "cleanup's documented exit when the Redis tier cannot be cleaned")
        #expect(cleanup.standardError.contains("Redis sent no answer within 0.2s"))
    }
}

/// A real `redis-server` stopped with SIGSTOP in the middle of a run.
@Suite(
    .enabled(if: cliTestRedisURL != nil, "set SWINGCACHE_TEST_REDIS_URL (scripts/test.sh starts a redis-server)"),
    .timeLimit(.minutes(1)))
struct PausedRedisTests {
    @Test func aRunWhoseRedisIsStoppedMidwayCompletesOnSQLite() async throws {
        let folder = try TemporaryDirectory()
        let redis = try RedisServerProcess()
        let server = try FixtureServerProcess(["--development-mode"])
        var factory = CatalogFactory(seed: 32)
        let ids = factory.ids(.track, count: 24).map(\.value)
        try folder.write(
            "job.yaml",
            "targets:\n  tracks: [\(ids.joined(separator: ", "))]\nbudget:\n  min_interval: 50ms\n  reserve: 0\n")
        var environment = server.environment
        environment["SWINGCACHE_REDIS_URL"] = redis.url
        environment["SWINGCACHE_REDIS_TIMEOUT"] = "300ms"
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")

        let run = try RunningCommand(["run", "job.yaml", "--verbose"], in: folder.path, environment: environment)
        #expect(run.waitForStandardError(containing: "-> 200", count: 6), "the run got going with Redis")
        redis.pause()
        let result = run.finish()
        redis.stop()

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.components(separatedBy: "the shared budget (Redis) is unreachable").count == 2)
        #expect(try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM track") == "24")
    }

    @Test func aFullRedisIsSaidToRefuseCommandsAndDoctorFailsOnIt() async throws {
        let folder = try TemporaryDirectory()
        let redis = try RedisServerProcess()
        try await redis.configure("maxmemory", "1")
        let server = try FixtureServerProcess()
        try folder.write("job.yaml", "targets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\n")
        var environment = server.environment
        environment["SWINGCACHE_REDIS_URL"] = redis.url
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")

        let run = try await CommandLineRun.swingcache(["run", "job.yaml"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("(Redis) refuses commands"), "\(run.standardError)")
        #expect(!run.standardError.contains("unreachable"), "\(run.standardError)")

        let doctor = try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: environment)
        #expect(doctor.status == 69)
        #expect(doctor.standardOutput.contains("it refuses writes (Redis: OOM"), "\(doctor.standardOutput)")
    }
}
