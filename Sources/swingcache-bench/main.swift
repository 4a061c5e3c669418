import CacheStore
import Foundation
import Runner
import SwingCache
import SwingCacheTestKit

/// Prints benchmark figures. Run with `swift run -c release swingcache-bench [offline|fetch|reads]` (offline and
/// fetch by default; `reads` is the last part of `fetch` alone).
///
/// `offline`: a database of 100 000 tracks and 10 000 albums in mixed states: planning, the bulk freshness
/// look-up, cleanup of 50 000 expired rows, bytes per cached track, peak RSS.
/// `fetch`: requests per warm-up against the fixture server, pacing accuracy, cached reads.
/// `cpu`: the CPU spent where the work is, each figure next to a floor measured in the same run (CPUBenchmark);
/// `cpu spec entity plan get warmup` measures only the figures named.
/// `week`: a simulated week of Spotify's rolling-day quota, fixed ttl against change-aware freshness; then a library's
/// first week of matching, before and after issue 24 (LibraryWeekBenchmark).
/// `month` (also part of `week`): that library's first month, with the share of files whose genres are known, before
/// and after MusicBrainz searched files without an ISRC (LibraryMonthBenchmark).
/// `wait`: the CPU `swingcache get` spends per minute of waiting for answers the fixture server holds back
/// (WaitBenchmark).
/// `matching`: precision, recall, requests per file and each wrong match over the matching corpus (MatchingCorpus),
/// then over the cases written after its rules (MatchingCorpus.unseen), then over names across scripts and spellings
/// (MatchingCorpus.names).

func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try await body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func formatSeconds(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }

func offlineBenchmark() async throws {
    let now = Date.testEpoch
    let folder = try TemporaryDirectory()
    let path = folder.file("bench.sqlite")
    let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
    var factory = CatalogFactory(seed: 110_000)

    // 100 000 tracks: 50 000 expired (stale), 20 000 fresh, 10 000 due, 5 000 known-missing, 15 000 never fetched.
    let staleTracks = factory.ids(.track, count: 50_000)
    let freshTracks = factory.ids(.track, count: 20_000)
    let dueTracks = factory.ids(.track, count: 10_000)
    let missingTracks = factory.ids(.track, count: 5_000)
    let newTracks = factory.ids(.track, count: 15_000)
    // 10 000 albums: 6 000 fresh, 2 000 stale, 2 000 never fetched.
    let freshAlbums = factory.ids(.album, count: 6_000)
    let staleAlbums = factory.ids(.album, count: 2_000)
    let newAlbums = factory.ids(.album, count: 2_000)

    let ttl: TimeInterval = 12 * 3600
    let (_, loadSeconds) = try await measure {
        // In chunks, so loading the database does not set the peak RSS the benchmark reports.
        func load(_ ids: [SpotifyID], fetchedHoursAgo hours: Double) async throws {
            for chunk in stride(from: 0, to: ids.count, by: 5_000) {
                let slice = Array(ids[chunk..<min(chunk + 5_000, ids.count)])
                try await store.catalog.save(.fetched(slice, at: now.addingTimeInterval(-hours * 3600), ttl: ttl))
            }
        }
        try await load(staleTracks, fetchedHoursAgo: 13)
        try await load(freshTracks, fetchedHoursAgo: 1)
        try await load(dueTracks, fetchedHoursAgo: 11.5)
        try await load(freshAlbums, fetchedHoursAgo: 1)
        try await load(staleAlbums, fetchedHoursAgo: 13)
        try await store.catalog.save(.missing(missingTracks, at: now, ttl: 6 * 3600))
        for offset in stride(from: 0.0, to: 3600, by: 9) {
            try await store.ledger.record(
                LedgerEntry(
                    service: Scheduler.spotify, endpoint: "tracks", requestedAt: now.addingTimeInterval(-offset),
                    status: 200))
        }
    }
    let cachedTracks = staleTracks.count + freshTracks.count + dueTracks.count
    let trackBytes =
        Int(
            try await SQLiteShell.query(
                path,
                "SELECT SUM(pgsize) FROM dbstat WHERE name = 'track' OR name LIKE 'sqlite_autoindex_track%' OR name LIKE 'track_%'"
            )) ?? 0

    let allIDs =
        staleTracks + freshTracks + dueTracks + missingTracks + newTracks + freshAlbums + staleAlbums + newAlbums
    let spec = JobSpec(
        name: "bench", path: "bench.yaml", freshness: FreshnessPolicy(ttl: ttl, refreshAhead: 3600),
        targets: allIDs.map { JobTarget(id: $0, origin: SourceLocation(file: "ids.txt", line: 1, column: 1)) })
    let jobs = JobSet(specs: [spec], defaultMarket: "US")

    let (states, lookupSeconds) = try await measure { try await store.catalog.cacheStates(for: allIDs) }
    let (plan, planSeconds) = try await measure { try await Scheduler(store: store).plan(jobs, now: now) }
    let (_, planOnlySeconds) = await measure {
        Planner(budget: jobs.budget).plan(
            targets: jobs.targets, invalidCount: 0, cache: states, recentRequests: [], service: ServiceState(), now: now
        )
    }
    let (cleanup, cleanupSeconds) = try await measure { try await store.cleanup(now: now, dryRun: false) }

    print("swingcache-bench: offline core, \(allIDs.count) targets (100 000 tracks, 10 000 albums)")
    print("  load database:            \(formatSeconds(loadSeconds)) (not a goal)")
    print("  bulk freshness look-up:   \(formatSeconds(lookupSeconds)) for \(allIDs.count) ids, \(states.count) known")
    print(
        "  plan (look-up + planner): \(formatSeconds(planSeconds)) -> \(plan.requestsNeeded) requests needed, \(plan.requests.count) this run   goal <= 1 s"
    )
    print("  planner alone:            \(formatSeconds(planOnlySeconds))")
    print(
        "  cleanup:                  \(formatSeconds(cleanupSeconds)) for \(cleanup.entries) expired rows, \(cleanup.bytesReclaimed / 1024) KiB reclaimed   goal <= 1 s"
    )
    print("  bytes per cached track:   \(trackBytes / cachedTracks) (table and indexes, raw answer compressed)")
    print(String(format: "  peak RSS:                 %.1f MB   goal <= 150 MB", peakResidentMegabytes()))
}

let parts = CommandLine.arguments.dropFirst()
if parts.first == "cpu-plan-floor", parts.count == 3 {
    try CPUBenchmark.planFloor(databasePath: parts[parts.startIndex + 1], idFile: parts[parts.startIndex + 2])
    exit(0)
}
if parts.isEmpty || parts.contains("offline") { try await offlineBenchmark() }
if parts.isEmpty || parts.contains("fetch") { try await FetchBenchmark().run() }
if parts.contains("reads") { try await FetchBenchmark().cachedReads() }
if parts.contains("redis") { try await RedisBenchmark().run() }
if parts.contains("wait") { try WaitBenchmark().run() }
if parts.contains("library") { try await LibraryBenchmark().run() }
if parts.contains("cpu") { try await CPUBenchmark(only: Set(parts.filter { $0 != "cpu" })).run() }
if parts.contains("matching") {
    print("swingcache-bench: matching corpus")
    print(MatchingBenchmark().run().lines.joined(separator: "\n"))
    print("swingcache-bench: matching cases written after the rules (MatchingCorpus.unseen)")
    print(MatchingBenchmark().run(MatchingCorpus.unseen).lines.joined(separator: "\n"))
    print("swingcache-bench: names across scripts and spellings (MatchingCorpus.names)")
    print(MatchingBenchmark().run(MatchingCorpus.names).lines.joined(separator: "\n"))
}
if parts.contains("week") {
    QuotaWeekBenchmark().run()
    QuotaWeekBenchmark(tracks: 2_000).run()
    LibraryWeekBenchmark().run()
}
if parts.contains("week") || parts.contains("month") { LibraryMonthBenchmark().run() }
