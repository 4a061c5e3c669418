import Foundation
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

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
