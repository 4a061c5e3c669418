import Foundation
import SwingCacheTestKit
import Testing

/// The real binary, run as cron or a person runs it.
@Suite struct CommandLineTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write("ids.txt", "3n3Ppam7vgaVa1iaRUc9Lp\nspotify:album:0sNOF9WDwhWunNAHPD3Baj\n")
        try folder.write(
            "good.yaml",
            "name: good\ntargets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\n  files: [ids.txt]\nbudget:\n  min_interval: 1s\n"
        )
    }

    @Test func validateExitsZeroForAGoodSpec() async throws {
        let run = try await CommandLineRun.swingcache(["validate", "good.yaml"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.standardOutput == "good.yaml: ok (2 tracks, 1 albums, 0 artists)\n")
    }

    @Test func validatePrintsEveryProblemWithItsPlaceAndExits65() async throws {
        try folder.write("bad.yaml", "ttl: soon\ntargets:\n  tracks:\n    - spotify:trak:4iV5W9uYEdYUVa79Axb7Rh\n")
        let run = try await CommandLineRun.swingcache(["validate", "bad.yaml", "good.yaml"], in: folder.path)
        #expect(run.status == 65)
        #expect(
            run.standardError.split(separator: "\n") == [
                "bad.yaml:1:6: 'ttl' must be a duration (a number followed by ms, s, m, h or d, such as 90s or 12h), found 'soon'",
                "bad.yaml:4:7: 'spotify:trak:4iV5W9uYEdYUVa79Axb7Rh' is not a Spotify id: 'trak' is not a kind (expected track, album or artist)",
            ])
    }

    @Test func planShowsWhatARunWouldFetchAsJSONWithoutCreatingTheDatabase() async throws {
        let run = try await CommandLineRun.swingcache(
            ["plan", "good.yaml", "--db", "cache.sqlite", "--json"], in: folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(plan["requestsThisRun"] as? Int == 2)
        #expect(plan["itemsThisRun"] as? Int == 3)
        #expect((plan["items"] as? [String: Int])?["missing"] == 3)
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache.sqlite")))
    }

    @Test func planSkipsBadIDsWithAWarningNamingTheirPlace() async throws {
        try folder.write(
            "typo.yaml", "targets:\n  tracks:\n    - 4iV5W9uYEdYUVa79Axb7Rh\n    - 4iV5W9uYEdYUVa79Axb7R\n")
        let run = try await CommandLineRun.swingcache(["plan", "typo.yaml", "--db", "cache.sqlite"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.standardError.contains(
                "swingcache: warning: typo.yaml:4:7: '4iV5W9uYEdYUVa79Axb7R' is not a Spotify id"))
        #expect(run.standardOutput.contains("1 missing, 0 known-missing, 1 invalid"))
    }

    @Test func aRunOfAnIDFileWithNoReadableIDIsRefusedWithExit65NotReportedAsDone() async throws {
        try folder.write("ids.csv", "title;artist\nSong;Someone\n")
        try folder.write("csv.yaml", "targets:\n  files: [ids.csv]\n")
        for command in ["plan", "run"] {
            let run = try await CommandLineRun.swingcache(
                [command, "csv.yaml", "--db", "cache.sqlite"], in: folder.path)
            #expect(run.status == 65, "\(command): \(run.standardError)")
            #expect(
                run.standardError.contains(
                    "swingcache: csv.yaml:2:11: id file 'ids.csv' has 2 entries and none is a Spotify id"),
                "\(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache.sqlite")))
    }

    @Test func aCRLFIDFilePlansLikeAnLFOne() async throws {
        try folder.write("crlf.txt", "3n3Ppam7vgaVa1iaRUc9Lp\r\nspotify:album:0sNOF9WDwhWunNAHPD3Baj\r\n")
        try folder.write("crlf.yaml", "targets:\r\n  files: [crlf.txt]\r\n")
        let run = try await CommandLineRun.swingcache(["plan", "crlf.yaml", "--db", "cache.sqlite"], in: folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("2 missing, 0 known-missing, 0 invalid"), "\(run.standardOutput)")
    }

    @Test func commandsThatWriteRefuseSwingMusicsDatabaseBeforeTouchingIt() async throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac"))
        try swingMusic.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: swingMusic.path))
        let credentials = ["SPOTIFY_CLIENT_ID": "id", "SPOTIFY_CLIENT_SECRET": "secret"]
        for command in [["run", "good.yaml"], ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh"], ["cleanup"]] {
            let run = try await CommandLineRun.swingcache(
                command + ["--db", swingMusic.path], in: folder.path, environment: credentials)
            #expect(run.status == 77, "\(command[0]): \(run.standardError)")
            #expect(run.standardError.contains("swingcache will not write into it"), "\(run.standardError)")
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: swingMusic.path)) == before,
                "\(command[0]) left the file as it was: not switched to WAL, not grown")
        }
    }

    @Test func aFIFOAsTheDatabaseIsRefusedWith77InsteadOfBlocking() async throws {
        #expect(mkfifo(folder.file("fifo.sqlite"), 0o600) == 0)
        for command in [["stats"], ["plan", "good.yaml"], ["run", "good.yaml"], ["cleanup"], ["doctor"]] {
            let run = try await CommandLineRun.swingcache(
                command + ["--db", "fifo.sqlite"], in: folder.path,
                environment: ["SPOTIFY_CLIENT_ID": "id", "SPOTIFY_CLIENT_SECRET": "secret"])
            #expect(run.status == 77, "\(command[0]): \(run.standardError)")
            #expect(
                (run.standardOutput + run.standardError).contains("it is a named pipe (FIFO), not a regular file"),
                "\(command[0]): \(run.standardError)")
        }
    }

    @Test func manyBadIDsPrintTheFirstTenWarningsThenACount() async throws {
        let bad = (1...25).map { "not-an-id-\($0)" }
        try folder.write("many.txt", (bad + ["4iV5W9uYEdYUVa79Axb7Rh"]).joined(separator: "\n"))
        try folder.write("many.yaml", "targets:\n  files: [many.txt]\n")
        let run = try await CommandLineRun.swingcache(["plan", "many.yaml", "--db", "cache.sqlite"], in: folder.path)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 11, "\(run.standardError)")
        #expect(lines.first?.hasPrefix("swingcache: warning: many.txt:1:1: 'not-an-id-1' is not a Spotify id") == true)
        #expect(
            lines.last
                == "swingcache: warning: … and 15 more unreadable ids skipped (swingcache validate many.yaml lists them)"
        )
        #expect(run.standardOutput.contains("25 invalid"))
    }

    @Test func aHugeFileOfBadIDsKeepsTheFirstThousandAndCountsTheRest() async throws {
        let bad = (1...2500).map { "bad-\($0)" }
        try folder.write("huge.txt", (bad + ["4iV5W9uYEdYUVa79Axb7Rh"]).joined(separator: "\n"))
        try folder.write("huge.yaml", "targets:\n  files: [huge.txt]\n")
        let plan = try await CommandLineRun.swingcache(["plan", "huge.yaml", "--db", "cache.sqlite"], in: folder.path)
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardOutput.contains("2500 invalid"), "every bad id is counted, kept or not")
        #expect(
            plan.standardError.hasSuffix(
                "… and 2490 more unreadable ids skipped (swingcache validate huge.yaml lists them)\n"))

        let validate = try await CommandLineRun.swingcache(["validate", "huge.yaml"], in: folder.path)
        #expect(validate.status == 65)
        #expect(validate.standardOutput == "huge.yaml: 2500 problems\n")
        let lines = validate.standardError.split(separator: "\n")
        #expect(lines.count == 1001)
        #expect(lines.last == "huge.yaml: … and 1500 more unreadable ids (the first 1000 are listed)")
    }

    @Test func aDamagedCacheIsNeverWrittenIntoAndDoctorSaysSo() async throws {
        let path = folder.file("cache.sqlite")
        #expect(try await CommandLineRun.swingcache(["cleanup", "--db", path], in: folder.path).status == 0)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(count: 4096))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let credentials = ["SPOTIFY_CLIENT_ID": "id", "SPOTIFY_CLIENT_SECRET": "secret"]
        for command in [["run", "good.yaml"], ["cleanup"], ["doctor"]] {
            let run = try await CommandLineRun.swingcache(
                command + ["--db", path], in: folder.path, environment: credentials)
            #expect(run.status == 77, "\(command[0]): \(run.standardOutput)\(run.standardError)")
            #expect(
                (run.standardOutput + run.standardError).contains("is damaged (SQLite: "),
                "\(command[0]): \(run.standardOutput)\(run.standardError)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was written into it")
    }

    @Test func aBrokenSpecStopsThePlanWithExit65() async throws {
        try folder.write("broken.yaml", "targets:\n  tracks: [a, b\n")
        let run = try await CommandLineRun.swingcache(["plan", "broken.yaml"], in: folder.path)
        #expect(run.status == 65)
        #expect(run.standardError.hasPrefix("swingcache: broken.yaml:3:1: is not valid YAML"))
    }

    @Test func cleanupAtALaterTimeEvictsAndReportsAsJSON() async throws {
        let empty = try await CommandLineRun.swingcache(
            ["cleanup", "--db", "cache.sqlite", "--now", "2026-11-25T03:00:00Z", "--json"], in: folder.path)
        #expect(empty.status == 0, "\(empty.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(empty.standardOutput.utf8)) as? [String: Any])
        #expect(report["tracks"] as? Int == 0)
        #expect(report["dryRun"] as? Bool == false)
        #expect(FileManager.default.fileExists(atPath: folder.file("cache.sqlite")))
    }

    @Test func statsReadsAnEmptyCacheWithoutCreatingIt() async throws {
        let run = try await CommandLineRun.swingcache(
            ["stats", "--json"], in: folder.path, environment: ["SWINGCACHE_DB": folder.file("c.sqlite")])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("\"entries\""))
        #expect(!FileManager.default.fileExists(atPath: folder.file("c.sqlite")))
    }

    @Test func anUnusableDatabaseIsAConfigurationErrorWith77() async throws {
        try folder.write("notes.txt", "not a database")
        let notSQLite = try await CommandLineRun.swingcache(["stats", "--db", "notes.txt"], in: folder.path)
        #expect(notSQLite.status == 77)
        #expect(
            notSQLite.standardError
                == "swingcache: database 'notes.txt' is not an SQLite database (is --db pointing at the right file?)\n")
        let missingFolder = try await CommandLineRun.swingcache(
            ["cleanup", "--db", "gone/cache.sqlite"], in: folder.path)
        #expect(missingFolder.status == 77)
        #expect(missingFolder.standardError.contains("folder 'gone' does not exist"))
    }

    @Test func theDefaultDatabaseLivesUnderXDGDataHome() async throws {
        let run = try await CommandLineRun.swingcache(
            ["cleanup"], in: folder.path, environment: ["XDG_DATA_HOME": folder.file("data")])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.file("data/swingcache/cache.sqlite")))
    }

    @Test func aBadFlagIsAUsageErrorWith64() async throws {
        let run = try await CommandLineRun.swingcache(["plan", "good.yaml", "--max-runtime", "soon"], in: folder.path)
        #expect(run.status == 64)
        #expect(run.standardError.contains("soon"))
    }

    @Test(arguments: ["plan", "validate", "cleanup", "stats"])
    func everyCommandsHelpShowsAnExample(command: String) async throws {
        let run = try await CommandLineRun.swingcache([command, "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("swingcache \(command)"))
        #expect(run.standardOutput.contains("Example"))
    }
}
