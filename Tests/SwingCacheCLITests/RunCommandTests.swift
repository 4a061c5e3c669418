import Foundation
import SwingCacheTestKit
import Testing

/// `run` and `get` as cron and a person use them: the real binary against the real fixture server binary.
@Suite struct RunCommandTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write(
            "job.yaml",
            """
            name: cli
            targets:
              tracks: [4iV5W9uYEdYUVa79Axb7Rh, 3n3Ppam7vgaVa1iaRUc9Lp, 0000doesNotExist000000]
              albums: [0sNOF9WDwhWunNAHPD3Baj]
            budget:
              min_interval: 10ms
              reserve: 0
            """)
    }

    func swingcache(_ arguments: [String], server: FixtureServerProcess?, extra: [String: String] = [:]) async throws
        -> CommandLineRun
    {
        var environment = server?.environment ?? [:]
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        return try await CommandLineRun.swingcache(
            arguments, in: folder.path, environment: environment.merging(extra) { $1 })
    }

    @Test func aRunFetchesStoresAndSummarisesThenAReRunMakesNoRequest() async throws {
        let server = try FixtureServerProcess()
        let first = try await swingcache(["run", "job.yaml"], server: server)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("completed"))
        #expect(first.standardOutput.contains("3 fetched"))
        #expect(first.standardOutput.contains("1 known-missing"))
        let seen = try server.requestLog().filter { $0["isAPIRequest"] as? Bool == true }.count
        #expect(seen == 2)
        #expect(try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM request_ledger") == "2")

        let again = try await swingcache(["run", "job.yaml", "--json"], server: server)
        #expect(again.status == 0)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
        #expect((report["requests"] as? [String: Any])?["total"] as? Int == 0)
        #expect((report["items"] as? [String: Any])?["alreadyFresh"] as? Int == 3)
        #expect(try server.requestLog().filter { $0["isAPIRequest"] as? Bool == true }.count == seen)
    }

    @Test func getReadsThroughTheCacheAndOfflineNeverTouchesTheNetwork() async throws {
        let server = try FixtureServerProcess()
        let offlineMiss = try await swingcache(["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--offline"], server: server)
        #expect(offlineMiss.status == 75)
        #expect(offlineMiss.standardOutput.contains("not cached"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache.sqlite")))

        let fetched = try await swingcache(
            ["get", "track", "spotify:track:4iV5W9uYEdYUVa79Axb7Rh", "--json"], server: server)
        #expect(fetched.status == 0, "\(fetched.standardError)")
        let answers = try #require(
            try JSONSerialization.jsonObject(with: Data(fetched.standardOutput.utf8)) as? [[String: Any]])
        #expect(answers.first?["source"] as? String == "fetched")
        #expect((answers.first?["entity"] as? [String: Any])?["name"] is String)

        let requestsBefore = try server.requestLog().count
        let cached = try await swingcache(["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--offline"], server: nil)
        #expect(cached.status == 0)
        #expect(cached.standardOutput.contains("(cache, fresh until"))
        #expect(try server.requestLog().count == requestsBefore)
    }

    @Test func developmentModeIsDetectedAndItsMissingFieldsAreNull() async throws {
        let server = try FixtureServerProcess(["--development-mode"])
        let run = try await swingcache(["run", "job.yaml"], server: server)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("per-item"))
        let database = folder.file("cache.sqlite")
        #expect(try await SQLiteShell.query(database, "SELECT COUNT(*), COUNT(popularity) FROM track") == "2|0")
        #expect(
            try await SQLiteShell.query(database, "SELECT mode FROM service_mode WHERE kind = 'track'") == "per_item")
    }

    @Test func aSpentQuotaParksTheServiceAndExits75() async throws {
        let server = try FixtureServerProcess(["--quota-after", "0"])
        let run = try await swingcache(["run", "job.yaml"], server: server)
        #expect(run.status == 75)
        #expect(run.standardOutput.contains("parked"))
        let stats = try await swingcache(["stats"], server: nil)
        #expect(stats.standardOutput.contains("parked until"))
        #expect(stats.standardOutput.contains("QUOTA_EXCEEDED"))
    }

    @Test func getDuringAQuotaParkSaysUntilWhenNotJustNotCached() async throws {
        let server = try FixtureServerProcess(["--quota-after", "0"])
        for _ in 1...2 {
            let get = try await swingcache(["get", "track", "4iV5W9uYEdYUVa79Axb7Rh"], server: server)
            #expect(get.status == 75)
            #expect(get.standardOutput.contains("not cached"))
            #expect(
                get.standardError.contains("Spotify is parked until ")
                    && get.standardError.contains("(QUOTA_EXCEEDED): nothing can be fetched before then"),
                "\(get.standardError)")
        }
    }

    @Test func missingCredentialsAreAConfigurationErrorThatSaysWhatToDo() async throws {
        let run = try await swingcache(["run", "job.yaml"], server: nil)
        #expect(run.status == 77)
        #expect(run.standardError.contains("SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET"))
    }

    @Test func wrongCredentialsExit77WithoutEchoingTheSecret() async throws {
        let server = try FixtureServerProcess()
        let run = try await swingcache(
            ["run", "job.yaml", "--verbose"], server: server,
            extra: ["SPOTIFY_CLIENT_ID": "wrong-id", "SPOTIFY_CLIENT_SECRET": "hunter2-secret-value"])
        #expect(run.status == 77)
        #expect(run.standardError.contains("refused the client credentials"))
        for output in [run.standardOutput, run.standardError] {
            #expect(!output.contains("hunter2-secret-value"))
        }
    }

    @Test func neitherTheSecretNorTheTokenAppearsInAnyOutput() async throws {
        let server = try FixtureServerProcess()
        let run = try await swingcache(["run", "job.yaml", "--verbose", "--json"], server: server)
        #expect(run.status == 0)
        let database = try String(
            decoding: Data(contentsOf: URL(fileURLWithPath: folder.file("cache.sqlite"))), as: UTF8.self)
        for output in [run.standardOutput, run.standardError, database] {
            #expect(!output.contains("swingcache-demo-secret"))
            #expect(!output.contains("fixture-token"))
        }
        #expect(run.standardError.contains("GET /tracks"), "verbose logs every request")
    }

    @Test func aConfigFileOthersCanReadIsRefused() async throws {
        let config = try folder.write("config", "SPOTIFY_CLIENT_ID=a\nSPOTIFY_CLIENT_SECRET=b\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config)
        let run = try await swingcache(["run", "job.yaml", "--config", config], server: nil)
        #expect(run.status == 77)
        #expect(run.standardError.contains("is readable by others"))
        #expect(run.standardError.contains("chmod 600"))

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        let server = try FixtureServerProcess()
        var environment = server.environment
        environment.removeValue(forKey: "SPOTIFY_CLIENT_ID")
        environment.removeValue(forKey: "SPOTIFY_CLIENT_SECRET")
        try folder.write(
            "config", "SPOTIFY_CLIENT_ID=swingcache-demo\nSPOTIFY_CLIENT_SECRET='swingcache-demo-secret'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        let configured = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--config", config], in: folder.path, environment: environment)
        #expect(configured.status == 0, "\(configured.standardError)")
    }

    @Test func aDryRunShowsThePlanAndMakesNoRequest() async throws {
        let server = try FixtureServerProcess()
        let run = try await swingcache(["run", "job.yaml", "--dry-run"], server: server)
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("this run:  2 of 2 requests needed"))
        #expect(try server.requestLog().isEmpty)
    }
}
