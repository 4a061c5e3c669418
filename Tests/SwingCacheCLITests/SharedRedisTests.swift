import Foundation
import SharedTier
import SwingCacheTestKit
import Testing

let cliTestRedisURL = ProcessInfo.processInfo.environment["SWINGCACHE_TEST_REDIS_URL"]

/// Three real runner processes, each with its own SQLite file, sharing one Redis and one fixture server.
@Suite(.enabled(if: cliTestRedisURL != nil, "set SWINGCACHE_TEST_REDIS_URL (scripts/test.sh starts a redis-server)"))
struct SharedRedisTests {
    @Test func threeRunnersSharingRedisKeepOneQuotaAndOneIntervalTogether() throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess(["--development-mode"])
        let prefix = "test:\(UUID().uuidString):"
        var factory = CatalogFactory(seed: 21)
        var runs: [RunningCommand] = []
        for runner in 0..<3 {
            let ids = factory.ids(.track, count: 10).map(\.value).joined(separator: ", ")
            try folder.write(
                "job\(runner).yaml",
                "targets:\n  tracks: [\(ids)]\nbudget:\n  per_hour: 20\n  reserve: 0\n  min_interval: 200ms\n")
            var environment = server.environment
            environment["SWINGCACHE_DB"] = folder.file("runner\(runner).sqlite")
            environment["SWINGCACHE_REDIS_URL"] = cliTestRedisURL
            environment["SWINGCACHE_REDIS_PREFIX"] = prefix
            runs.append(
                try RunningCommand(["run", "job\(runner).yaml", "--quiet"], in: folder.path, environment: environment))
        }
        let results = runs.map { $0.finish() }
        for result in results { #expect(result.status == 0 || result.status == 75, "\(result.standardError)") }

        let times = try server.requestLog().filter { $0["isAPIRequest"] as? Bool == true }
            .compactMap { $0["time"] as? String }.compactMap(Self.date).sorted()
        #expect(times.count == 20, "the three runners together made exactly the hour's 20 requests")
        let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
        // Arrival times at the server: a few milliseconds of scheduling jitter between processes.
        #expect((gaps.min() ?? 1) >= 0.195, "shortest gap between any two runners' requests: \(gaps.min() ?? 0) s")
    }

    @Test func getReadsWhatAnotherHostFetchedFromRedis() async throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess()
        let prefix = "test:\(UUID().uuidString):"
        var factory = CatalogFactory(seed: 22)
        let ids = factory.ids(.track, count: 3).map(\.value)
        try folder.write("job.yaml", "targets:\n  tracks: [\(ids.joined(separator: ", "))]\n")
        var environment = server.environment
        environment["SWINGCACHE_REDIS_URL"] = cliTestRedisURL
        environment["SWINGCACHE_REDIS_PREFIX"] = prefix
        let run = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--quiet", "--db", "first.sqlite"], in: folder.path, environment: environment)
        #expect(run.status == 0, "\(run.standardError)")

        let get = try await CommandLineRun.swingcache(
            ["get", "track"] + ids + ["--offline", "--json", "--db", "second.sqlite"], in: folder.path,
            environment: environment)

        #expect(get.status == 0, "\(get.standardError)")
        let answers = try #require(
            try JSONSerialization.jsonObject(with: Data(get.standardOutput.utf8)) as? [[String: Any]])
        #expect(answers.map { $0["tier"] as? String } == ["redis", "redis", "redis"])
        #expect(answers.map { $0["source"] as? String } == ["cache", "cache", "cache"])
        let plan = try await CommandLineRun.swingcache(
            ["plan", "job.yaml", "--json", "--db", "second.sqlite"], in: folder.path, environment: environment)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8)) as? [String: Any])
        #expect(
            (summary["requestsNeeded"] as? Int) == 0,
            "another host's fetches are not planned again: \(plan.standardOutput)")
    }

    @Test func aRunWhoseRedisStopsMidwayCompletesOnSQLiteWithNothingLost() async throws {
        let folder = try TemporaryDirectory()
        let redis = try RedisServerProcess()
        // Development mode answers one id per request: enough requests to stop Redis in the middle.
        let server = try FixtureServerProcess(["--development-mode"])
        var factory = CatalogFactory(seed: 23)
        let ids = factory.ids(.track, count: 24).map(\.value)
        try folder.write(
            "job.yaml",
            "targets:\n  tracks: [\(ids.joined(separator: ", "))]\nbudget:\n  min_interval: 50ms\n  reserve: 0\n")
        var environment = server.environment
        environment["SWINGCACHE_REDIS_URL"] = redis.url
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")

        let run = try RunningCommand(["run", "job.yaml", "--verbose"], in: folder.path, environment: environment)
        #expect(run.waitForStandardError(containing: "-> 200", count: 6), "the run got going with Redis")
        redis.stop()
        let result = run.finish()

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.components(separatedBy: "the shared budget (Redis) is unreachable").count == 2)
        #expect(result.standardError.components(separatedBy: "the shared cache (Redis) is unreachable").count <= 2)
        let stored = try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM track")
        #expect(stored == "24", "every track is in SQLite")
        let apiRequests = try server.requestLog().filter { $0["isAPIRequest"] as? Bool == true }.count
        let ledger = try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM request_ledger")
        #expect(ledger == String(apiRequests), "every request that reached the server is in the ledger")
    }

    @Test func cleanupReportsTheRedisTierOnItsOwn() async throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess()
        let prefix = "test:\(UUID().uuidString):"
        var factory = CatalogFactory(seed: 24)
        let ids = factory.ids(.track, count: 5).map(\.value) + ["0000000000000000000000"]
        try folder.write("job.yaml", "targets:\n  tracks: [\(ids.joined(separator: ", "))]\n")
        var environment = server.environment
        environment["SWINGCACHE_REDIS_URL"] = cliTestRedisURL
        environment["SWINGCACHE_REDIS_PREFIX"] = prefix
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        #expect(
            try await CommandLineRun.swingcache(
                ["run", "job.yaml", "--quiet"], in: folder.path, environment: environment
            )
            .status == 0)

        let cleanup = try await CommandLineRun.swingcache(
            ["cleanup", "--json"], in: folder.path, environment: environment)

        #expect(cleanup.status == 0, "\(cleanup.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(cleanup.standardOutput.utf8)) as? [String: Any])
        #expect(report["tracks"] as? Int == 0, "nothing in SQLite has expired yet")
        let redis = try #require(report["redis"] as? [String: Any])
        #expect(redis["entries"] as? Int == 5)
        #expect(redis["missingIDs"] as? Int == 1)
        #expect(redis["keysWithoutExpiry"] as? Int == 0)
        let text = try await CommandLineRun.swingcache(
            ["cleanup", "--dry-run"], in: folder.path, environment: environment)
        #expect(text.standardOutput.contains("Redis: would remove 0 keys without an expiry"), "\(text.standardOutput)")
    }

    @Test func doctorChecksEverythingWithoutSpendingQuota() async throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess()
        var environment = server.environment
        environment["SWINGCACHE_REDIS_URL"] = cliTestRedisURL
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")

        let healthy = try await CommandLineRun.swingcache(
            ["doctor", "--json"], in: folder.path, environment: environment)
        #expect(healthy.status == 0, "\(healthy.standardOutput)\(healthy.standardError)")
        let checks = try #require(
            try JSONSerialization.jsonObject(with: Data(healthy.standardOutput.utf8)) as? [[String: Any]])
        #expect(
            checks.map { $0["name"] as? String } == ["configuration", "database", "redis", "credentials", "providers"])
        #expect(checks.map { $0["status"] as? String } == ["ok", "warning", "ok", "ok", "warning"])
        #expect(try server.requestLog().filter { $0["isAPIRequest"] as? Bool == true }.isEmpty, "no Web API request")

        var wrongSecret = environment
        wrongSecret["SPOTIFY_CLIENT_SECRET"] = "not-the-secret"
        let refused = try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: wrongSecret)
        #expect(refused.status == 77)
        #expect(!refused.standardOutput.contains("not-the-secret"))

        var withKey = environment
        withKey["LASTFM_API_KEY"] = "lastfm-secret-4f2a"
        let providers = try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: withKey)
        #expect(providers.status == 0, "a provider without its key is a warning")
        #expect(providers.standardOutput.contains("warning providers      calls Last.fm, ListenBrainz (no token)"))
        #expect(!providers.standardOutput.contains("lastfm-secret-4f2a"))

        var noRedis = environment
        noRedis["SWINGCACHE_REDIS_URL"] = "redis://:hunter2@127.0.0.1:1/0"
        let unreachable = try await CommandLineRun.swingcache(["doctor"], in: folder.path, environment: noRedis)
        #expect(unreachable.status == 69)
        #expect(unreachable.standardOutput.contains("failed  redis"))
        #expect(!unreachable.standardOutput.contains("hunter2"))
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
