import CacheStore
import FixtureServer
import Foundation
import Logging
import Outbound
import Runner
import SpotifyAPI
import SwingCache
import SwingCacheTestKit

/// Requests per warm-up, pacing accuracy and cached reads, against the fixture server on 127.0.0.1.
struct FetchBenchmark {
    func run() async throws {
        print("swingcache-bench: fetching, against the fixture server on 127.0.0.1")
        try await requestCounts()
        try await pacing()
        try await cachedReads()
    }

    /// A store, a server and a run of `ids` with the given budget; returns the API requests the server saw.
    func warmUp(
        _ ids: [SpotifyID], store: AppDatabase, server: RunningFixtureServer,
        budget: BudgetPolicy = BudgetPolicy(perHour: 1_000_000, minInterval: 0, reserve: 0)
    ) async throws -> (requests: Int, summary: RunSummary) {
        let before = await server.requestLog().filter(\.isAPIRequest).count
        let spec = JobSpec(
            name: "bench", path: "bench.yaml",
            targets: ids.map { JobTarget(id: $0, origin: SourceLocation(file: "bench", line: 1, column: 1)) },
            budget: budget)
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(apiURL: URL(string: server.apiURL)!, tokenURL: URL(string: server.tokenURL)!),
            credentials: SpotifyCredentials(clientID: "swingcache-demo", clientSecret: "swingcache-demo-secret"),
            transport: AsyncHTTPClientTransport())
        let jobRun = JobRun(store: store, client: client, clock: SystemClock(), logger: Logger(label: "bench"))
        let (_, summary, _) = try await jobRun.run(JobSet(specs: [spec], defaultMarket: "US"))
        let after = await server.requestLog().filter(\.isAPIRequest).count
        return (after - before, summary)
    }

    func requestCounts() async throws {
        let (tracks, albums, artists) = (2_000, 400, 300)
        var factory = CatalogFactory(seed: 3)
        let ids =
            factory.ids(.track, count: tracks) + factory.ids(.album, count: albums)
            + factory.ids(.artist, count: artists)
        let expected = (tracks + 49) / 50 + (albums + 19) / 20 + (artists + 49) / 50

        let folder = try TemporaryDirectory()
        let store = try AppDatabase.open(DatabaseLocation(path: folder.file("batch.sqlite")), access: .readWrite)
        let server = try await FixtureServer.start()
        let cold = try await warmUp(ids, store: store, server: server)
        print(
            "  batch mode, cold warm-up of \(tracks) tracks, \(albums) albums, \(artists) artists: \(cold.requests) requests (expected ⌈T/50⌉+⌈A/20⌉+⌈Ar/50⌉ = \(expected)), \(cold.summary.fetched) fetched"
        )
        let rerun = try await warmUp(ids, store: store, server: server)
        print("  immediate re-run: \(rerun.requests) requests (expected 0)")
        let added = factory.ids(.track, count: tracks / 100)
        let grown = try await warmUp(ids + added, store: store, server: server)
        print(
            "  after adding 1 % new tracks (\(added.count)): \(grown.requests) requests (expected ⌈\(added.count)/50⌉ = \((added.count + 49) / 50))"
        )
        await server.stop()

        var devMode = FixtureServerOptions()
        devMode.developmentMode = true
        let perItemStore = try AppDatabase.open(
            DatabaseLocation(path: folder.file("item.sqlite")), access: .readWrite)
        let perItemServer = try await FixtureServer.start(options: devMode)
        let perItem = try await warmUp(ids, store: perItemStore, server: perItemServer)
        print(
            "  per-item mode, the same cold warm-up: \(perItem.requests) requests (expected T+A+Ar = \(ids.count), plus at most 3 probes), \(perItem.summary.fetched) fetched"
        )
        await perItemServer.stop()
    }

    func pacing() async throws {
        var devMode = FixtureServerOptions()
        devMode.developmentMode = true
        let server = try await FixtureServer.start(options: devMode)
        let folder = try TemporaryDirectory()
        let store = try AppDatabase.open(DatabaseLocation(path: folder.file("pacing.sqlite")), access: .readWrite)
        var factory = CatalogFactory(seed: 4)
        _ = try await warmUp(
            factory.ids(.track, count: 200), store: store, server: server,
            budget: BudgetPolicy(perHour: 100_000, minInterval: 0.1, reserve: 0))
        let times = await server.requestLog().filter(\.isAPIRequest).map(\.time)
        let ledger = try await store.ledger.requestTimes(service: Scheduler.spotify, since: .distantPast)
        let ledgerGaps = zip(ledger.dropFirst(), ledger).map { $0.timeIntervalSince($1) }
        print(String(format: "  (ledger: shortest %.4f, longest %.4f)", ledgerGaps.min() ?? 0, ledgerGaps.max() ?? 0))
        let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        print(
            String(
                format:
                    "  pacing, %d requests at min_interval 0.1 s: mean interval %.4f s (%+.2f %%), shortest %.4f s, longest %.4f s (server arrival times)",
                times.count, mean, (mean - 0.1) / 0.1 * 100, gaps.min() ?? 0, gaps.max() ?? 0))
        await server.stop()
    }

    func cachedReads() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("reads.sqlite")
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
        var factory = CatalogFactory(seed: 5)
        let ids = factory.ids(.track, count: 10_000)
        try await store.catalog.save(.fetched(ids, at: Date(), ttl: 12 * 3600))
        // What `get --offline` opens: a read-only connection.
        let reader = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        var samples: [Double] = []
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<20_000 {
            let id = ids[Int(generator.next() % UInt64(ids.count))]
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try await reader.catalog.entity(id, includingRaw: false)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        samples.sort()
        print(
            String(
                format:
                    "  cached read in-process (store.entity without the raw answer, 20 000 random of 10 000): p50 %.1f µs, p99 %.1f µs",
                samples[samples.count / 2], samples[samples.count * 99 / 100]))

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "swingcache"
        ).path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print(
                "  whole `swingcache get --offline` process: skipped (build the swingcache product in the same configuration)"
            )
            return
        }
        var processTimes: [Double] = []
        for index in 0..<30 {
            let start = DispatchTime.now().uptimeNanoseconds
            try SpawnedProcess(
                binary, ["get", "track", ids[index].value, "--offline", "--db", path], standardOutput: .nullDevice
            ).waitUntilExit()
            processTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        processTimes.sort()
        print(
            String(
                format: "  whole `swingcache get --offline` process: median %.1f ms, slowest %.1f ms (30 runs)",
                processTimes[15], processTimes[29]))
    }
}
