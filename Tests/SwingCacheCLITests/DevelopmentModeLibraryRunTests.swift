import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

/// A library run of a Development-Mode app (issue 24): one request per file, the most played files first. The real
/// binary against the fixture server binary with `--development-mode`.
@Suite struct DevelopmentModeLibraryRunTests {
    let folder: TemporaryDirectory
    let server: FixtureServerProcess

    init() throws {
        folder = try TemporaryDirectory()
        server = try FixtureServerProcess(["--development-mode"])
        try folder.write(
            "library.yaml",
            """
            name: library
            library:
              swingmusic_db: swingmusic.db
            budget:
              min_interval: 10ms
              reserve: 0
            """)
    }

    func swingcache(_ arguments: [String], database: String = "cache.sqlite") async throws -> CommandLineRun {
        var environment = server.environment
        environment["SWINGCACHE_DB"] = folder.file(database)
        return try await CommandLineRun.swingcache(arguments, in: folder.path, environment: environment)
    }

    /// The paths of the Spotify requests the server saw.
    func spotifyPaths() throws -> [String] {
        try server.requestLog().compactMap { $0["path"] as? String }.filter { $0.hasPrefix("/v1/") }
    }

    /// Six files Spotify finds by their ISRC, tagged with its track's title and duration, each played `plays[i]` times.
    func library(plays: [Int]) throws -> SwingMusicLibraryBuilder {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTracks(
            try plays.indices.map {
                let isrc = "USRC1760000\($0)"
                let recording = try #require(FixtureCatalog.isrcTrack(forISRC: isrc))
                return SwingMusicTrackRow(
                    filepath: "/music/\($0).flac", title: recording.name, album: "Album \($0)",
                    duration: recording.durationMs / 1000, isrc: .text(isrc))
            })
        for (index, count) in plays.enumerated() where count > 0 {
            try swingMusic.addScrobbles(filepath: "/music/\(index).flac", count: count)
        }
        return swingMusic
    }

    @Test func eachMatchedTrackIsStoredFromItsSearchAndAReRunMakesNoRequest() async throws {
        _ = try library(plays: [0, 0, 0, 0, 0, 0])
        let first = try await swingcache(["run", "library.yaml", "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        let paths = try spotifyPaths()
        #expect(paths.count == 6, "one search per file: \(paths)")
        #expect(paths.allSatisfy { $0.hasPrefix("/v1/search?") }, "no GET /v1/tracks/{id}: \(paths)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let library = try #require(report["library"] as? [String: Any])
        #expect(library["matched"] as? Int == 6)
        #expect(library["storedFromSearch"] as? Int == 6)
        #expect(library["searchRequests"] as? Int == 6)
        let cache = folder.file("cache.sqlite")
        #expect(try await SQLiteShell.query(cache, "SELECT COUNT(*) FROM track WHERE popularity IS NULL") == "6")

        let again = try await swingcache(["run", "library.yaml"])
        #expect(again.status == 0, "\(again.standardOutput)\(again.standardError)")
        #expect(try spotifyPaths().count == 6, "the second run makes no request")
    }

    @Test func aTrackStoredFromASearchIsTheRowGetTracksStores() async throws {
        _ = try library(plays: [0, 0, 0])
        let run = try await swingcache(["run", "library.yaml"])
        #expect(run.status == 0, "\(run.standardError)")
        let fromSearch = folder.file("cache.sqlite")
        let ids = try await SQLiteShell.query(fromSearch, "SELECT id FROM track ORDER BY id").split(separator: "\n")
        #expect(ids.count == 3)

        // The same ids fetched one by one, as a job listing them does in Development Mode.
        try folder.write(
            "tracks.yaml",
            "name: tracks\ntargets:\n  tracks:\n" + ids.map { "    - \($0)\n" }.joined()
                + "budget:\n  min_interval: 10ms\n  reserve: 0\n")
        let fetch = try await swingcache(["run", "tracks.yaml"], database: "fetched.sqlite")
        #expect(fetch.status == 0, "\(fetch.standardError)")
        #expect(try spotifyPaths().filter { $0.hasPrefix("/v1/tracks/") }.count == 3)

        let columns = """
            SELECT id, name, album_id, album_name, artist_ids, artist_names, isrc, duration_ms, explicit,
                   quote(popularity), track_number, disc_number, release_date, image_url, hex(raw),
                   expires_at - fetched_at
            FROM track ORDER BY id
            """
        let searched = try await SQLiteShell.query(fromSearch, columns)
        let fetched = try await SQLiteShell.query(folder.file("fetched.sqlite"), columns)
        #expect(searched == fetched)
        #expect(searched.contains("|NULL|"), "popularity is NULL in Development Mode, never 0")
    }

    @Test func planSaysWhenTheWholeLibraryIsMatchedAtTheDailyQuota() async throws {
        _ = try library(plays: [0, 7, 0, 30, 2, 0])
        try folder.write(
            "daily.yaml",
            """
            name: library
            library:
              swingmusic_db: swingmusic.db
            budget: { min_interval: 10ms, reserve: 0, per_day: 2 }
            """)
        let plan = try await swingcache(["plan", "daily.yaml", "--now", "2026-12-07T12:00:00Z"])
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(
            plan.standardOutput.contains(
                "library in: the whole library in 3 days, by 2026-12-10: 2 files a day at one search each (2 requests a day, by per_day); the first day's files hold 94 % of your plays"
            ), "\(plan.standardOutput)")

        let json = try await swingcache(["plan", "daily.yaml", "--now", "2026-12-07T12:00:00Z", "--json"])
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let library = try #require(summary["library"] as? [String: Any])
        #expect(library["filesPerDay"] as? Int == 2)
        #expect(library["daysToMatch"] as? Int == 3)
    }

    @Test func onceDevelopmentModeIsLearnedPlanSaysUnchangedTracksAreRefreshedLessOften() async throws {
        try folder.write(
            "tracks.yaml",
            "name: tracks\ntargets:\n  tracks:\n    - 4iV5W9uYEdYUVa79Axb7Rh\n    - 0eGsygTp906u18L0Oimnem\n"
                + "budget:\n  min_interval: 10ms\n  reserve: 0\n")
        let before = try await swingcache(["plan", "tracks.yaml"])
        #expect(!before.standardOutput.contains("refresh:"), "\(before.standardOutput)")
        let run = try await swingcache(["run", "tracks.yaml"])
        #expect(run.status == 0, "\(run.standardError)")

        let plan = try await swingcache(["plan", "tracks.yaml"])

        #expect(
            plan.standardOutput.contains(
                "refresh:   Development Mode (one id per request, no popularity): a track whose refresh brings nothing new is refreshed half as often each time, up to every 7d"
            ), "\(plan.standardOutput)")
    }

    @Test func givenARequestLimitTheMostPlayedFilesAreMatchedFirst() async throws {
        _ = try library(plays: [0, 7, 0, 30, 2, 0])
        let plan = try await swingcache(["plan", "library.yaml", "--max-requests", "3"])
        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(
            plan.standardOutput.contains(
                "first:     3 of 6 files to match this run, the most played first: they hold 100 % of the 39 plays"),
            "\(plan.standardOutput)")

        let run = try await swingcache(["run", "library.yaml", "--max-requests", "3"])
        #expect(run.status == 75, "\(run.standardError)")
        let matched = try await SQLiteShell.query(
            folder.file("cache.sqlite"), "SELECT filepath FROM track_match ORDER BY matched_at, filepath")
        #expect(matched.split(separator: "\n") == ["/music/3.flac", "/music/1.flac", "/music/4.flac"])
    }
}

/// MusicBrainz needs no Spotify (issue 24, item 3): with Spotify's quota spent, a file without an ISRC tag still gets
/// its recording and genres from a MusicBrainz search, and the ISRC it learns serves Spotify's exact ISRC search once
/// Spotify answers again.
@Suite struct DevelopmentModeMusicBrainzTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write(
            "library.yaml",
            """
            name: library
            library:
              swingmusic_db: swingmusic.db
            budget: { min_interval: 10ms, reserve: 0 }
            enrich:
              musicbrainz: { min_interval: 1s }
              links: { min_interval: 10ms }
            """)
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        // A song whose recording has genres on the fixture server's MusicBrainz.
        let seconds = FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe") / 1000
        try swingMusic.addTracks([
            SwingMusicTrackRow(filepath: "/music/a.flac", title: "Believe", artists: "Cher", duration: seconds),
            SwingMusicTrackRow(filepath: "/music/b.flac", title: "Nomatch Song", artists: "Cher", duration: 200),
        ])
    }

    func swingcache(_ arguments: [String], server: FixtureServerProcess) async throws -> CommandLineRun {
        var environment = server.environment
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        environment["SWINGCACHE_MUSICBRAINZ_URL"] = server.baseURL + "/musicbrainz"
        environment["SWINGCACHE_DEEZER_URL"] = server.baseURL + "/deezer"
        environment["SWINGCACHE_CONTACT"] = "tests@swingcache.invalid"
        return try await CommandLineRun.swingcache(arguments, in: folder.path, environment: environment)
    }

    @Test func withSpotifyParkedMusicBrainzStillStoresGenresForFilesWithoutAnISRCTag() async throws {
        let parked = try FixtureServerProcess(["--development-mode", "--quota-after", "0"])
        let run = try await swingcache(["run", "library.yaml"], server: parked)
        #expect(run.status == 75, "\(run.standardError)")
        #expect(run.standardOutput.contains("parked"), "\(run.standardOutput)")
        let cache = folder.file("cache.sqlite")
        #expect(
            try await SQLiteShell.query(cache, "SELECT COUNT(*) FROM track_match") == "0", "Spotify matched nothing")

        let paths = try parked.requestLog().compactMap { $0["path"] as? String }.filter {
            $0.hasPrefix("/musicbrainz/")
        }
        #expect(paths.count == 3, "a search for each file, one recording look-up for the hit: \(paths)")
        let found = try await SQLiteShell.query(
            cache,
            """
            SELECT s.filepath, s.mbid = r.mbids ->> '$[0]', s.isrc = r.isrc, s.genres = r.genres, s.genres <> '[]',
                   coalesce(s.missing_reason, '')
            FROM musicbrainz_search AS s LEFT JOIN musicbrainz_recording AS r ON r.isrc = s.isrc
            ORDER BY s.filepath
            """)
        #expect(found == "/music/a.flac|1|1|1|1|\n/music/b.flac||||0|not_found", "\(found)")

        let library = try await SQLiteShell.query(
            cache,
            """
            SELECT filepath, spotify_id IS NULL, genres <> '[]', mbid IS NOT NULL, links ->> '$.deezer' IS NOT NULL
            FROM swingcache_library
            """)
        #expect(
            library == "/music/a.flac|1|1|1|1\n/music/b.flac|1||0|0", "the view shows genres and links: \(library)")

        let learned = try await SQLiteShell.query(cache, "SELECT isrc FROM musicbrainz_search WHERE mbid IS NOT NULL")
        let explain = try await swingcache(["explain", "track", "/music/a.flac"], server: parked)
        #expect(explain.status == 0, "\(explain.standardError)")
        #expect(explain.standardOutput.contains(", ISRC \(learned)"), "\(explain.standardOutput)")
        #expect(explain.standardOutput.contains("  genres: "), "\(explain.standardOutput)")

        // Spotify answers again, as a day later, with no ceiling learned from the test's quota of none.
        _ = try await SQLiteShell.query(
            cache, "UPDATE service_state SET parked_until = NULL, parked_reason = NULL; DELETE FROM quota_observation")
        let answering = try FixtureServerProcess(["--development-mode"])
        let again = try await swingcache(["run", "library.yaml"], server: answering)
        #expect(again.status == 0, "\(again.standardOutput)\(again.standardError)")
        let isrc = learned
        let searches = try answering.requestLog().compactMap { $0["path"] as? String }.filter {
            $0.hasPrefix("/v1/search?")
        }
        #expect(searches.contains { $0.contains("isrc%3A\(isrc)") || $0.contains("isrc:\(isrc)") }, "\(searches)")
        let asked = try answering.requestLog().compactMap { $0["path"] as? String }
        #expect(
            asked.allSatisfy { !$0.hasPrefix("/musicbrainz/") },
            "the second run asks MusicBrainz nothing, its facts are fresh: \(asked) \(again.standardOutput)")
    }
}
