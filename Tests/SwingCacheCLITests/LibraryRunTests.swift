import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

/// `run` and `plan` of a job with `library:`: the real binary, a SwingMusic database, the fixture server binary.
@Suite struct LibraryRunTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write(
            "jobs-with-library.yaml",
            """
            name: library
            library:
              swingmusic_db: swingmusic.db
            budget:
              min_interval: 10ms
              reserve: 0
            """)
    }

    func swingcache(_ arguments: [String], server: FixtureServerProcess?) async throws -> CommandLineRun {
        var environment = server?.environment ?? [:]
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        return try await CommandLineRun.swingcache(arguments, in: folder.path, environment: environment)
    }

    func searches(_ server: FixtureServerProcess) throws -> Int {
        try server.requestLog().filter { ($0["path"] as? String)?.contains("/search?") == true }.count
    }

    @Test func aRunMatchesTheLibraryAndStoresTheMatchedTracksFromTheSearchesThenAReRunSearchesNothing() async throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        let firstRecording = try #require(FixtureCatalog.isrcTrack(forISRC: "USUM71703861"))
        let secondRecording = try #require(FixtureCatalog.isrcTrack(forISRC: "GBAAA9900303"))
        try swingMusic.addTracks([
            SwingMusicTrackRow(
                filepath: "/music/a.flac", title: firstRecording.name, duration: firstRecording.durationMs / 1000,
                isrc: .text("USUM71703861")),
            SwingMusicTrackRow(
                filepath: "/music/b.flac", title: secondRecording.name, duration: secondRecording.durationMs / 1000,
                isrc: .list(["GBAAA9900303"])),
            SwingMusicTrackRow(filepath: "/music/c.flac", title: "Nomatch Third"),
        ])
        let server = try FixtureServerProcess()

        let plan = try await swingcache(["plan", "jobs-with-library.yaml"], server: server)
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardOutput.contains("3 files"), "\(plan.standardOutput)")
        #expect(plan.standardOutput.contains("3 to match: 3–5 search requests"), "\(plan.standardOutput)")
        #expect(try searches(server) == 0, "a plan makes no request")

        let first = try await swingcache(["run", "jobs-with-library.yaml"], server: server)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("2 matched"), "\(first.standardOutput)")
        #expect(first.standardOutput.contains("1 unmatched"), "\(first.standardOutput)")
        #expect(first.standardOutput.contains("2 matched (2 stored from their search)"), "\(first.standardOutput)")
        #expect(first.standardOutput.contains("0 fetched, 2 already fresh"), "\(first.standardOutput)")
        #expect(try searches(server) == 3)
        let cache = folder.file("cache.sqlite")
        #expect(
            try await SQLiteShell.query(cache, "SELECT COUNT(*) FROM request_ledger WHERE endpoint = 'GET /search'")
                == "3")
        #expect(try await SQLiteShell.query(cache, "SELECT COUNT(*) FROM track") == "2")
        #expect(
            try await SQLiteShell.query(cache, "SELECT COUNT(*) FROM swingcache_library WHERE spotify_name IS NOT NULL")
                == "2")

        let again = try await swingcache(["run", "jobs-with-library.yaml", "--json"], server: server)
        #expect(again.status == 0, "\(again.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
        let library = try #require(report["library"] as? [String: Any])
        #expect(library["needingMatching"] as? Int == 0)
        #expect(library["searchRequests"] as? Int == 0)
        #expect((report["items"] as? [String: Any])?["alreadyFresh"] as? Int == 2)
        #expect(try searches(server) == 3)
    }

    @Test func aMissingSwingMusicDatabaseExits77NamingEveryPathTried() async throws {
        let server = try FixtureServerProcess()
        let missing = try await swingcache(["run", "jobs-with-library.yaml"], server: server)
        #expect(missing.status == 77)
        #expect(missing.standardError.contains("'swingmusic.db' does not exist"), "\(missing.standardError)")

        try folder.write("lookup.yaml", "name: lookup\nlibrary:\n")
        let lookedUp = try await swingcache(["plan", "lookup.yaml"], server: server)
        #expect(lookedUp.status == 77)
        #expect(lookedUp.standardError.contains("\(folder.path)/.config/swingmusic/swingmusic.db"))
        #expect(lookedUp.standardError.contains("\(folder.path)/.swingmusic/swingmusic.db"))
        #expect(try server.requestLog().isEmpty)
    }

    @Test func twoSpecsNamingALibraryInOneRunAreRefusedBeforeAnythingIsRead() async throws {
        try folder.write(
            "other-library.yaml", "name: other\nlibrary:\n  swingmusic_db: other.db\nenrich:\n  lastfm:\n  links:\n")
        let valid = try await swingcache(["validate", "jobs-with-library.yaml", "other-library.yaml"], server: nil)
        #expect(valid.status == 0, "each spec is valid on its own")
        #expect(
            valid.standardOutput.contains(
                "other-library.yaml: ok (0 tracks, 0 albums, 0 artists, a SwingMusic library, enriched by lastfm, links)"
            ),
            "\(valid.standardOutput)")
        for command in ["run", "plan"] {
            let both = try await swingcache([command, "jobs-with-library.yaml", "other-library.yaml"], server: nil)
            #expect(both.status == 65, "\(both.standardError)")
            #expect(
                both.standardError.contains(
                    "other-library.yaml:3:3: 'other-library.yaml' names a SwingMusic library, and so does 'jobs-with-library.yaml'"
                ), "\(both.standardError)")
        }
    }
}
