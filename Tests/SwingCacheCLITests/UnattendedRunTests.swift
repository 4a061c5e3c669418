import Foundation
import SwingCacheTestKit
import Testing

/// What cron and a watching person rely on: one run at a time, clean stops, reports, metrics, quiet logs.
@Suite struct UnattendedRunTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        var factory = CatalogFactory(seed: 9)
        let ids = factory.ids(.track, count: 40).map(\.value).joined(separator: "\n")
        try folder.write("ids.txt", ids + "\n")
        try folder.write(
            "job.yaml", "name: unattended\ntargets:\n  files: [ids.txt]\nbudget:\n  min_interval: 10ms\n  reserve: 0\n")
    }

    func environment(_ server: FixtureServerProcess) -> [String: String] {
        server.environment.merging(["SWINGCACHE_DB": folder.file("cache.sqlite")]) { $1 }
    }

    @Test func aSecondRunOnTheSameDatabaseExits75NamingTheHolder() async throws {
        // Per-item mode and 100 ms a request keep the first run busy for seconds.
        let server = try FixtureServerProcess(["--development-mode", "--latency-ms", "100"])
        let first = try RunningCommand(
            ["run", "job.yaml", "--verbose"], in: folder.path, environment: environment(server))
        #expect(first.waitForStandardError(containing: "-> 200"))
        let second = try await CommandLineRun.swingcache(
            ["run", "job.yaml"], in: folder.path, environment: environment(server))
        #expect(second.status == 75)
        #expect(second.standardError.contains("another run holds the lock on this database (pid \(first.pid) on "))
        let stats = try await CommandLineRun.swingcache(["stats"], in: folder.path, environment: environment(server))
        #expect(stats.status == 0, "stats is not blocked by a run")
        let get = try await CommandLineRun.swingcache(
            ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--offline"], in: folder.path, environment: environment(server))
        #expect(get.status == 75 || get.status == 0, "get is not blocked by a run")
        first.send(SIGTERM)
        _ = first.finish()

        let after = try await CommandLineRun.swingcache(
            ["run", "job.yaml"], in: folder.path, environment: environment(server))
        #expect(after.status == 0, "the lock is free once its holder ended: \(after.standardError)")
    }

    @Test func aRunThroughASymbolicLinkToTheDatabaseIsLockedOutToo() async throws {
        let server = try FixtureServerProcess(["--development-mode", "--latency-ms", "100"])
        let first = try RunningCommand(
            ["run", "job.yaml", "--verbose"], in: folder.path, environment: environment(server))
        #expect(first.waitForStandardError(containing: "-> 200"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("link.sqlite"), withDestinationPath: folder.file("cache.sqlite"))
        let second = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--db", "link.sqlite"], in: folder.path, environment: server.environment)
        #expect(second.status == 75, "\(second.standardError)")
        #expect(second.standardError.contains("another run holds the lock on this database (pid \(first.pid) on "))
        first.send(SIGTERM)
        _ = first.finish()
    }

    @Test func aDatabaseWithASecondHardLinkIsRefusedWith77BeforeAnyWrite() async throws {
        let server = try FixtureServerProcess()
        let first = try await CommandLineRun.swingcache(
            ["run", "job.yaml"], in: folder.path, environment: environment(server))
        #expect(first.status == 0, "\(first.standardError)")
        #expect(link(folder.file("cache.sqlite"), folder.file("backup.sqlite")) == 0)
        for database in ["cache.sqlite", "backup.sqlite"] {
            let run = try await CommandLineRun.swingcache(
                ["run", "job.yaml", "--db", database], in: folder.path, environment: server.environment)
            #expect(run.status == 77)
            #expect(run.standardError.contains("has 2 hard links"), "\(run.standardError)")
        }
    }

    @Test func twoRunsStartedAtTheSameInstantOnANewDatabase() async throws {
        let server = try FixtureServerProcess(["--development-mode", "--latency-ms", "20"])
        for attempt in 1...4 {
            let database = folder.file("new-\(attempt).sqlite")
            let pair = try (1...2).map { _ in
                try RunningCommand(
                    ["run", "job.yaml", "--db", database], in: folder.path, environment: server.environment)
            }
            let results = pair.map { $0.finish() }
            #expect(!results.contains { $0.status == 77 }, "\(results.map(\.standardError))")
            for result in results where result.status != 0 {
                #expect(result.status == 75)
                #expect(result.standardError.contains("another run holds the lock on this database (pid "))
            }
            #expect(try await SQLiteShell.query(database, "PRAGMA integrity_check") == "ok")
        }
    }

    @Test func sigtermStopsCleanlyPrintsTheSummaryAndExits75() async throws {
        let server = try FixtureServerProcess(["--development-mode", "--latency-ms", "50"])
        let run = try RunningCommand(
            ["run", "job.yaml", "--verbose"], in: folder.path, environment: environment(server))
        #expect(run.waitForStandardError(containing: "-> 200", count: 3))
        run.send(SIGTERM)
        let result = run.finish()
        #expect(result.status == 75)
        #expect(result.standardOutput.contains("deferred"))
        #expect(result.standardOutput.contains("stopped by a signal"))
        let database = folder.file("cache.sqlite")
        #expect(try await SQLiteShell.query(database, "PRAGMA integrity_check") == "ok")
        let stored = Int(try await SQLiteShell.query(database, "SELECT COUNT(*) FROM track")) ?? -1
        #expect(result.standardOutput.contains("\(stored) fetched"), "the summary counts exactly what was stored")
        #expect(stored >= 2 && stored < 40)
        #expect(try await SQLiteShell.query(database, "SELECT outcome FROM run") == "deferred")
        #expect(
            try await SQLiteShell.query(database, "SELECT COUNT(*) FROM request_ledger WHERE status = 0") == "0",
            "the request in flight was finished, not abandoned")
    }

    @Test func sigtermTheInstantARunStartsStillStopsItCleanlyWithExit75() async throws {
        // Per-item mode and 100 ms a request keep the run busy for seconds, however late the signal comes on a busy
        // machine: it is never done before the signal, only stopped by it.
        let server = try FixtureServerProcess(["--development-mode", "--latency-ms", "100"])
        let run = try RunningCommand(["run", "job.yaml"], in: folder.path, environment: environment(server))
        #expect(run.waitUntilHandling(SIGTERM), "the process lived to handle a signal")
        run.send(SIGTERM)
        let result = run.finish()
        #expect(result.status == 75, "\(result.standardError)")
        #expect(result.standardOutput.contains("stopped by a signal"), "\(result.standardOutput)")
    }

    @Test func statsCountsWhatARunKilledBeforeItsReportStored() async throws {
        let server = try FixtureServerProcess(["--development-mode", "--latency-ms", "20"])
        let run = try RunningCommand(
            ["run", "job.yaml", "--verbose"], in: folder.path, environment: environment(server))
        #expect(run.waitForStandardError(containing: "-> 200", count: 3))
        run.send(SIGKILL)
        #expect(run.finish().status == SIGKILL)
        let database = folder.file("cache.sqlite")
        let stored = try await SQLiteShell.query(database, "SELECT COUNT(*) FROM track")
        let requests = try await SQLiteShell.query(database, "SELECT COUNT(*) FROM request_ledger")

        let stats = try await CommandLineRun.swingcache(["stats"], in: folder.path, environment: environment(server))
        #expect(stats.status == 0, "\(stats.standardError)")
        #expect(
            stats.standardOutput.contains(
                "unattended: killed before its report, \(stored) fetched, \(requests) requests"),
            "\(stats.standardOutput)")
        #expect(Int(stored) ?? 0 >= 2)
    }

    @Test func aSecondSignalEndsTheProcessAtOnceWhileARequestIsInFlight() throws {
        // The token endpoint trickles its answer for minutes: the first signal waits for it, the second must not.
        let trickling = try TricklingServer(byteEvery: 0.05)
        let environment = [
            "SPOTIFY_CLIENT_ID": "id", "SPOTIFY_CLIENT_SECRET": "secret", "SWINGCACHE_DB": folder.file("cache.sqlite"),
            "SWINGCACHE_SPOTIFY_TOKEN_URL": trickling.url.absoluteString,
            "SWINGCACHE_SPOTIFY_API_URL": "http://127.0.0.1:\(trickling.port)/v1", "SWINGCACHE_HTTP_DEADLINE": "10m",
        ]
        let run = try RunningCommand(["run", "job.yaml", "--verbose"], in: folder.path, environment: environment)
        #expect(trickling.waitForRequest(), "the run's first request is in flight")
        run.send(SIGTERM)
        #expect(run.waitForStandardError(containing: "received signal 15"))
        let secondSignal = ContinuousClock.now
        run.send(SIGTERM)
        let result = run.finish()
        #expect(ContinuousClock.now - secondSignal < .seconds(10), "ended at once, not when the request came back")
        #expect(result.status == SIGTERM, "ended by the signal itself: \(result.status)")
    }

    @Test func aServerThatTricklesItsAnswersCannotKeepARunAlive() async throws {
        let server = try FixtureServerProcess()
        let trickling = try TricklingServer(byteEvery: 0.05)
        var environment = environment(server)
        environment["SWINGCACHE_SPOTIFY_API_URL"] = "http://127.0.0.1:\(trickling.port)/v1"
        environment["SWINGCACHE_HTTP_DEADLINE"] = "1s"
        let started = ContinuousClock.now
        let run = try await CommandLineRun.swingcache(["run", "job.yaml"], in: folder.path, environment: environment)
        #expect(ContinuousClock.now - started < .seconds(60), "each answer would take 500 s to trickle in")
        #expect(
            run.status == 75 || run.status == 69, "the requests failed, one deadline at a time: \(run.standardError)")
        #expect(
            (run.standardOutput + run.standardError).contains(
                "127.0.0.1:\(trickling.port) did not finish answering within 1s"),
            "\(run.standardOutput)\(run.standardError)")
        #expect(!(run.standardOutput + run.standardError).contains("NSURLErrorDomain"))
    }

    @Test func theMetricsFileParsesBackAndAgreesWithTheLedger() async throws {
        let server = try FixtureServerProcess()
        let metrics = folder.file("swingcache.prom")
        let run = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--metrics-file", metrics, "--report", "report.json"], in: folder.path,
            environment: environment(server))
        #expect(run.status == 0, "\(run.standardError)")
        let samples = try PrometheusText.parse(String(contentsOfFile: metrics, encoding: .utf8))
        let ledger = Double(
            try await SQLiteShell.query(
                folder.file("cache.sqlite"), "SELECT COUNT(*) FROM request_ledger WHERE status = 200")
        )
        #expect(samples[#"swingcache_requests{service="spotify",status="200"}"#] == ledger)
        #expect(samples[#"swingcache_items{state="fetched"}"#] == 40)
        #expect(samples[#"swingcache_last_run_outcome{outcome="completed"}"#] == 1)
        #expect(samples[#"swingcache_last_run_outcome{outcome="deferred"}"#] == 0)
        #expect((samples["swingcache_last_success_timestamp_seconds"] ?? 0) > 0)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("report.json"))))
                as? [String: Any])
        #expect(report["version"] as? Int == 1)
        #expect(report["outcome"] as? String == "completed")
    }

    @Test(arguments: ["json", "logfmt", "text"])
    func logsInEveryFormatCarryNeitherSecretNorToken(format: String) async throws {
        let server = try FixtureServerProcess()
        let run = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--verbose", "--log-format", format], in: folder.path, environment: environment(server))
        #expect(run.status == 0)
        #expect(run.standardError.contains("GET /tracks"))
        for output in [run.standardOutput, run.standardError] {
            #expect(!output.contains("swingcache-demo-secret"))
            #expect(!output.contains("fixture-token"))
        }
        if format == "json" {
            for line in run.standardError.split(separator: "\n") {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "every line is JSON: \(line)")
            }
        }
    }

    @Test func quietRunsPrintOnlyTheSummary() async throws {
        let server = try FixtureServerProcess(["--development-mode"])
        let run = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--quiet"], in: folder.path, environment: environment(server))
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput.hasPrefix("Run #1 of unattended: completed"))
    }
}

/// Reads Prometheus text exposition back into `name{labels}` → value, as the textfile collector would.
enum PrometheusText {
    struct Malformed: Error {
        var line: String
    }

    static func parse(_ text: String) throws -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                throw Malformed(line: String(line))
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
