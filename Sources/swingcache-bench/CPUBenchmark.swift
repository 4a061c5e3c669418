import CacheStore
import FixtureServer
import Foundation
import GRDB
import Runner
import SwingCache
import SwingCacheTestKit

/// The CPU swingcache spends where the work is, each figure next to a floor measured in the same run: spec
/// parsing, cached reads, the plan of 1 M cached targets, `get` with many ids and a cold warm-up.
///
/// Runs `swingcache` from the folder of this binary (build both in the same configuration). Wall times are noisy
/// on a shared machine: each figure is printed as min and median of several runs.
struct CPUBenchmark {
    let corpus = BenchCorpus()
    /// Runs per figure; `SWINGCACHE_BENCH_RUNS` overrides the default of 5.
    let runs = Int(ProcessInfo.processInfo.environment["SWINGCACHE_BENCH_RUNS"] ?? "") ?? 5

    var swingcacheBinary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("swingcache")
            .path
    }

    /// The figures to measure: `spec`, `entity`, `plan`, `get` and `warmup`; all of them when empty.
    var only: Set<String> = []

    func run() async throws {
        print("swingcache-bench: CPU where the work is (\(runs) runs per figure; min and median)")
        func wanted(_ figure: String) -> Bool { only.isEmpty || only.contains(figure) }
        try await corpus.prepare()
        if wanted("spec") { try await specParsing() }
        if wanted("entity") { try await cachedReads() }
        if wanted("plan") { try planOfCachedTargets() }
        if wanted("get") { try getWithManyIDs() }
        if wanted("warmup") { try await coldWarmUp() }
    }

    // MARK: Spec parsing

    func specParsing() async throws {
        for count in BenchCorpus.sizes {
            var parse = Samples()
            var reference = Samples()
            for _ in 0..<(count >= 1_000_000 ? max(3, runs / 2) : runs) {
                reference.append(try await timed { _ = try Self.readIDsAlone(corpus.idFile(count)) })
                parse.append(
                    try await timed {
                        let spec = try JobSpecLoader().load(path: corpus.spec(count))
                        precondition(spec.targets.count == count, "the spec should list \(count) ids")
                    })
            }
            print("  spec parsing, \(count) ids: \(parse.text("s")) = \(perID(parse, count)) per id")
            print(
                "    reference, reading the ids alone: \(reference.text("s")) = \(perID(reference, count)) per id; ratio \(parse.ratio(to: reference))"
            )
        }
    }

    func perID(_ samples: Samples, _ count: Int) -> String {
        String(format: "%.2f µs", samples.median / Double(count) * 1e6)
    }

    /// The ids of a file, one per line, without validating them: the floor of any id parser.
    static func readIDsAlone(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { buffer in
            buffer.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    // MARK: Cached reads

    func cachedReads() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("reads.sqlite")
        var factory = CatalogFactory(seed: 5)
        let ids = factory.ids(.track, count: 10_000)
        try await AppDatabase.open(DatabaseLocation(path: path), access: .readWrite).catalog.save(
            .fetched(ids, at: Date(), ttl: 12 * 3600))
        let reader = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var entity = Samples()
        var reference = Samples()
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<runs {
            var entityTimes: [Double] = []
            var referenceTimes: [Double] = []
            for _ in 0..<20_000 {
                let id = ids[Int(generator.next() % UInt64(ids.count))]
                entityTimes.append(try await timed { _ = try await reader.catalog.entity(id, includingRaw: false) })
                referenceTimes.append(try await timed { try Self.selectByPrimaryKey(id.value, in: queue) })
            }
            entity.append(entityTimes.sorted()[entityTimes.count / 2])
            reference.append(referenceTimes.sorted()[referenceTimes.count / 2])
        }
        print(
            "  cached read in-process (store.entity, no raw answer), p50: \(entity.text("µs", scale: 1e6, decimals: 2))"
        )
        print(
            "    reference, a prepared SELECT by primary key through GRDB, every column by index: \(reference.text("µs", scale: 1e6, decimals: 2)); ratio \(entity.ratio(to: reference))"
        )
    }

    static func selectByPrimaryKey(_ id: String, in queue: DatabaseQueue) throws {
        try queue.inDatabase { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT id, name, album_id, album_name, artist_ids, artist_names, isrc, duration_ms, explicit,
                        popularity, track_number, disc_number, release_date, image_url, fetched_at, expires_at
                    FROM track WHERE id = ?
                    """)
            let cursor = try Row.fetchCursor(statement, arguments: [id])
            guard let row = try cursor.next() else { return }
            let texts: [String?] = [row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[12], row[13]]
            let numbers: [Int?] = [row[7], row[8], row[9], row[10], row[11]]
            let times: [Double] = [row[14], row[15]]
            precondition(texts.count + numbers.count + times.count == 16)
        }
    }

    // MARK: Plan

    func planOfCachedTargets() throws {
        guard requireSwingcache("plan of 1 M cached targets") else { return }
        let count = BenchCorpus.sizes.last!
        var plan = Samples()
        var planMemory = Samples()
        var floor = Samples()
        var floorMemory = Samples()
        for _ in 0..<max(3, runs / 2) {
            let floorRun = try ChildProcess.run(
                CommandLine.arguments[0], ["cpu-plan-floor", corpus.databasePath, corpus.idFile(count)])
            floor.append(floorRun.seconds)
            floorMemory.append(floorRun.peakMegabytes)
            let planRun = try ChildProcess.run(
                swingcacheBinary, ["plan", corpus.spec(count), "--db", corpus.databasePath])
            guard planRun.status == 0, floorRun.status == 0 else {
                print(
                    "  plan of 1 M cached targets: a process failed (plan \(planRun.status), floor \(floorRun.status))")
                return
            }
            plan.append(planRun.seconds)
            planMemory.append(planRun.peakMegabytes)
        }
        print(
            "  plan of \(count) cached targets (`swingcache plan`, whole process): \(plan.text("s")); peak RSS \(planMemory.text("MB", decimals: 0))"
        )
        print(
            "    reference, reading the ids + the same SQLite bulk look-up: \(floor.text("s")); peak RSS \(floorMemory.text("MB", decimals: 0)); ratio \(plan.ratio(to: floor)), memory \(planMemory.ratio(to: floorMemory))"
        )
    }

    /// The plan's floor, run as its own process so its peak memory is its own: the ids of `idFile` read and
    /// looked up in `databasePath` with the query the store's bulk look-up uses.
    static func planFloor(databasePath: String, idFile: String) throws {
        let ids = try readIDsAlone(idFile)
        var list = "["
        list.reserveCapacity(ids.count * 25)
        for (index, id) in ids.enumerated() {
            list += index == 0 ? "\"" : ",\""
            list += id
            list += "\""
        }
        list += "]"
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        let states = try queue.read { db in
            var states: [String: (Double, Double)] = [:]
            states.reserveCapacity(ids.count)
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.id, e.fetched_at, e.expires_at
                    FROM json_each(?) AS wanted CROSS JOIN track AS e ON e.id = wanted.value
                    """, arguments: [list])
            while let row = try cursor.next() { states[row[0]] = (row[1], row[2]) }
            let missing = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.id, m.reason, m.expires_at
                    FROM json_each(?) AS wanted CROSS JOIN missing_entity AS m ON m.kind = 'track' AND m.id = wanted.value
                    """, arguments: [list])
            while let row = try missing.next() { states[row[0]] = (0, row[2]) }
            return states
        }
        guard states.count == ids.count else { exit(1) }
        print(states.count)
    }

    // MARK: get

    func getWithManyIDs() throws {
        guard requireSwingcache("`get` with many ids") else { return }
        let ids = try corpus.ids(2_000)
        var medians: [Int: Samples] = [:]
        for count in [1, 100, 2_000] {
            var samples = Samples()
            for _ in 0..<runs {
                let outcome = try ChildProcess.run(
                    swingcacheBinary,
                    ["get", "track"] + ids.prefix(count) + ["--offline", "--db", corpus.databasePath])
                guard outcome.status == 0 else {
                    print("  get with \(count) ids: exit status \(outcome.status)")
                    return
                }
                samples.append(outcome.seconds)
            }
            medians[count] = samples
            print(
                "  `swingcache get --offline` with \(count) ids, whole process: \(samples.text("ms", scale: 1000, decimals: 1))"
            )
        }
        if let one = medians[1], let many = medians[2_000] {
            print(
                String(
                    format: "    cost per extra id: %.1f µs (medians), %.1f µs (minimums)",
                    (many.median - one.median) / 1999 * 1e6, (many.min - one.min) / 1999 * 1e6))
        }
    }

    func requireSwingcache(_ figure: String) -> Bool {
        if FileManager.default.isExecutableFile(atPath: swingcacheBinary) { return true }
        print("  \(figure): skipped (build the swingcache product in the same configuration)")
        return false
    }

    // MARK: Cold warm-up

    func coldWarmUp() async throws {
        var factory = CatalogFactory(seed: 3)
        let ids = factory.ids(.track, count: 2_000) + factory.ids(.album, count: 200)
        let server = try await FixtureServer.start()
        var warmUp = Samples()
        var floor = Samples()
        var rows: [EntityKind: TableRows] = [:]
        for run in 0..<runs {
            let folder = try TemporaryDirectory()
            let store = try AppDatabase.open(
                DatabaseLocation(path: folder.file("warm.sqlite")), access: .readWrite)
            let start = monotonicSeconds()
            let outcome = try await FetchBenchmark().warmUp(ids, store: store, server: server)
            warmUp.append(monotonicSeconds() - start)
            guard outcome.summary.fetched == ids.count else {
                print("  cold warm-up: fetched \(outcome.summary.fetched) of \(ids.count)")
                await server.stop()
                return
            }
            if run == 0 { rows = try Self.storedRows(folder.file("warm.sqlite")) }
            await floor.append(try Self.writeFloor(rows, into: folder.file("floor.sqlite")))
        }
        await server.stop()
        print(
            "  cold warm-up of 2 000 tracks + 200 albums, no pacing, against the fixture server: \(warmUp.text("s"))"
        )
        print(
            "    reference, writing the same rows with SQLite alone (prepared INSERTs, one transaction per answer, zlib): \(floor.text("s")); ratio \(warmUp.ratio(to: floor))"
        )
    }

    /// The rows of one table of a warmed cache, the raw answer inflated.
    struct TableRows {
        var columns: [String] = []
        var values: [[DatabaseValue]] = []
        var rawIndex: Int? { columns.firstIndex(of: "raw") }
    }

    /// Every track and album row of a warmed cache.
    static func storedRows(_ path: String) throws -> [EntityKind: TableRows] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var tables: [EntityKind: TableRows] = [:]
            for kind in [EntityKind.track, .album] {
                var table = TableRows()
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(kind.rawValue)") {
                    table.columns = Array(row.columnNames)
                    var values = Array(row.databaseValues)
                    if let raw = table.rawIndex, let stored = Data.fromDatabaseValue(values[raw]) {
                        values[raw] = (ZlibCompression.decompress(stored) ?? Data()).databaseValue
                    }
                    table.values.append(values)
                }
                tables[kind] = table
            }
            return tables
        }
    }

    /// Writes `tables` into a new cache at `path` as a run would, in answers of 50 tracks or 20 albums, each in
    /// one transaction, the raw answer compressed; returns the seconds the writes took (the schema excluded).
    static func writeFloor(_ tables: [EntityKind: TableRows], into path: String) async throws -> Double {
        _ = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
        let queue = try DatabaseQueue(path: path)
        return try await timed {
            for (kind, batch) in [(EntityKind.track, 50), (.album, 20)] {
                guard let table = tables[kind], !table.values.isEmpty else { continue }
                let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                let sql =
                    "INSERT OR REPLACE INTO \(kind.rawValue) (\(table.columns.joined(separator: ", "))) VALUES (\(placeholders))"
                for start in stride(from: 0, to: table.values.count, by: batch) {
                    try queue.inTransaction { db in
                        let statement = try db.cachedStatement(sql: sql)
                        for var values in table.values[start..<min(start + batch, table.values.count)] {
                            if let raw = table.rawIndex {
                                values[raw] =
                                    ZlibCompression.compress(Data.fromDatabaseValue(values[raw]) ?? Data())
                                    .databaseValue
                            }
                            try statement.execute(arguments: StatementArguments(values))
                        }
                        return .commit
                    }
                }
            }
        }
    }
}
