import CacheStore
import FixtureServer
import Foundation
import Logging
import Outbound
import Runner
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

/// A run of a job with `library:`: the SwingMusic library read, its files matched to Spotify by paced searches
/// against the fixture server, and the matched tracks stored from those searches.
@Suite struct LibraryMatchingTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let swingMusic: SwingMusicLibraryBuilder
    let clock = ManualClock()

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
        swingMusic = try SwingMusicLibraryBuilder(in: folder)
    }

    func jobs(_ budget: BudgetPolicy = BudgetPolicy(minInterval: 2, reserve: 0), albums: [SpotifyID] = []) -> JobSet {
        let origin = SourceLocation(file: "library.yaml", line: 1, column: 1)
        let spec = JobSpec(
            name: "library", path: "library.yaml", targets: albums.map { JobTarget(id: $0, origin: origin) },
            budget: budget, library: LibrarySource(swingMusicDatabase: swingMusic.path, origin: origin))
        return JobSet(specs: [spec], defaultMarket: "US")
    }

    /// A file the fixture server's exact candidate matches: that title, that artist, its duration.
    func exactFile(_ path: String, title: String, artist: String, isrc: ISRCTagValue = .absent) -> SwingMusicTrackRow {
        let milliseconds = FixtureCatalog.searchDurationMs(artist: artist, title: title)
        return SwingMusicTrackRow(
            filepath: path, title: title, artists: artist, album: "Unknown",
            duration: Int((Double(milliseconds) / 1000).rounded()), isrc: isrc)
    }

    func run(
        _ jobs: JobSet, server: RunningFixtureServer
    ) async throws -> (plan: Plan, summary: RunSummary) {
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(apiURL: URL(string: server.apiURL)!, tokenURL: URL(string: server.tokenURL)!),
            credentials: SpotifyCredentials(clientID: "swingcache-demo", clientSecret: "swingcache-demo-secret"),
            transport: AsyncHTTPClientTransport(), now: { clock.now() })
        let jobRun = JobRun(store: store, client: client, clock: clock, logger: Logger(label: "test"))
        let (plan, summary, _) = try await jobRun.run(jobs)
        return (plan, summary)
    }

    func withServer(
        _ options: FixtureServerOptions = FixtureServerOptions(), _ body: (RunningFixtureServer) async throws -> Void
    ) async throws {
        try await FixtureServer.withRunning(options: options, body)
    }

    func searches(_ server: RunningFixtureServer) async -> [String] {
        await server.requestLog().map(\.path).filter { $0.contains("/search?") }.map {
            $0.removingPercentEncoding ?? $0
        }
    }

    func match(_ path: String) async throws -> TrackMatchRecord? {
        try await store.facts.enrichedTrack(filepath: path)?.match
    }

    @Test func filesAreMatchedByISRCOrByArtistAndTitleAndTheMatchedTracksAreStoredFromTheSearch() async throws {
        let isrc = "USUM71703861"
        let isrcTrack = try #require(FixtureCatalog.isrcTrack(forISRC: isrc))
        try swingMusic.addTracks([
            SwingMusicTrackRow(
                filepath: "/music/isrc.flac", title: isrcTrack.name, artists: "Someone",
                duration: isrcTrack.durationMs / 1000, isrc: .text(isrc)),
            exactFile("/music/believe.flac", title: "Believe", artist: "Cher"),
            exactFile("/music/ambiguous.flac", title: "Ambiguous Song", artist: "Cher"),
            exactFile("/music/nomatch.flac", title: "Nomatch Song", artist: "Cher"),
        ])
        try await withServer { server in
            let (plan, summary) = try await run(jobs(), server: server)

            let library = try #require(summary.library)
            #expect(library.files == 4)
            #expect(library.added == 4)
            #expect(library.needingMatching == 4)
            #expect(library.matched == 2)
            #expect(library.ambiguous == 1)
            #expect(library.unmatched == 1)
            #expect(library.searchRequests == 4)
            #expect(library.matchedTargets == 2)
            #expect(library.review.count == 1)

            let byISRC = try #require(try await match("/music/isrc.flac"))
            #expect(byISRC.match.method == .isrc)
            #expect(byISRC.match.outcome == .matched)
            #expect(byISRC.match.spotifyID == FixtureCatalog.spotifyTrackID(forISRC: isrc))
            let byText = try #require(try await match("/music/believe.flac"))
            #expect(byText.match.method == .search)
            #expect(byText.match.outcome == .matched)
            #expect(try await match("/music/ambiguous.flac")?.match.outcome == .ambiguous)
            #expect(try await match("/music/nomatch.flac")?.match.outcome == .noCandidates)

            // The matched tracks are targets, stored from their searches: fresh, no catalog request.
            #expect(plan.requests.isEmpty)
            #expect(summary.fetched == 0)
            #expect(summary.alreadyFresh == 2)
            #expect(library.storedFromSearch == 2)
            #expect(try await store.facts.enrichedTrack(filepath: "/music/believe.flac")?.spotify != nil)
            #expect(try await SQLiteShell.query(store.path, "SELECT COUNT(*) FROM track") == "2")
            #expect(summary.requests == 4)
            #expect(summary.outcome == .completed)

            let queries = await searches(server)
            #expect(queries.count == 4)
            #expect(queries.filter { $0.contains("isrc") }.count == 1)
        }
    }

    @Test func searchesAreInTheLedgerAndPacedLikeEveryRequest() async throws {
        try swingMusic.addTracks([
            exactFile("/music/a.flac", title: "Believe", artist: "Cher"),
            exactFile("/music/b.flac", title: "Nomatch One", artist: "Cher", isrc: .text("ZZXX00000001")),
        ])
        try await withServer { server in
            _ = try await run(jobs(BudgetPolicy(minInterval: 2, reserve: 0)), server: server)
            let ledger = try await SQLiteShell.query(
                store.path,
                "SELECT endpoint, status, run_id IS NOT NULL FROM request_ledger ORDER BY requested_at, id")
            #expect(ledger.split(separator: "\n") == ["GET /search|200|1", "GET /search|200|1", "GET /search|200|1"])
            let times = try await store.ledger.requestTimes(service: Scheduler.spotify, since: .distantPast).map {
                $0.timeIntervalSince(.testEpoch)
            }
            #expect(times == [0, 2, 4])
        }
    }

    @Test func onlyFilesWhoseTagsChangedAreMatchedAgain() async throws {
        try swingMusic.addTracks([
            exactFile("/music/a.flac", title: "Believe", artist: "Cher"),
            exactFile("/music/b.flac", title: "Strong Enough", artist: "Cher"),
        ])
        try await withServer { server in
            _ = try await run(jobs(), server: server)
            #expect(await searches(server).count == 2)

            try swingMusic.execute("UPDATE track SET title = 'Nomatch Now' WHERE filepath = '/music/b.flac'")
            clock.advance(by: 60)
            let (_, summary) = try await run(jobs(), server: server)
            let library = try #require(summary.library)
            #expect(library.changed == 1)
            #expect(library.needingMatching == 1)
            #expect(library.unmatched == 1)
            #expect(library.searchRequests == 1)
            let queries = await searches(server)
            #expect(queries.count == 3)
            #expect(queries.last?.contains("Nomatch") == true)
            #expect(try await match("/music/b.flac")?.match.outcome == .noCandidates)
            #expect(try await match("/music/a.flac")?.match.outcome == .matched)
        }
    }

    @Test func whenTheBudgetRunsOutMidMatchingTheRestWaitsForTheNextRun() async throws {
        try swingMusic.addTracks(
            (1...5).map { exactFile("/music/\($0).flac", title: "Nomatch \($0)", artist: "Cher") })
        try await withServer { server in
            let (plan, summary) = try await run(
                jobs(BudgetPolicy(minInterval: 2, reserve: 0, maxRequests: 3)), server: server)
            let library = try #require(summary.library)
            #expect(library.unmatched == 3)
            #expect(library.deferred == 2)
            #expect(summary.requests == 3)
            #expect(summary.outcome == .deferred("max_requests (3) reached"))
            #expect(plan.requests.isEmpty)

            clock.advance(by: 3600)
            let (_, next) = try await run(jobs(), server: server)
            #expect(next.library?.needingMatching == 2)
            #expect(next.library?.unmatched == 2)
            #expect(next.outcome == .completed)
            #expect(await searches(server).count == 5)
        }
    }

    @Test func whenTheSearchesSpendMaxRequestsTheCatalogWaitsAndTheReasonNamesTheSpecsLimit() async throws {
        try swingMusic.addTracks(
            (1...3).map { exactFile("/music/\($0).flac", title: "Song \($0)", artist: "Cher") })
        var factory = CatalogFactory(seed: 24)
        let albums = factory.ids(.album, count: 2)
        try await withServer { server in
            let (_, summary) = try await run(
                jobs(BudgetPolicy(minInterval: 2, reserve: 0, maxRequests: 3), albums: albums), server: server)
            let matched = try #require(summary.library?.matched)
            #expect(matched > 0)
            #expect(summary.library?.storedFromSearch == matched, "the matched tracks need no catalog request")
            #expect(summary.requests == 3)
            #expect(summary.deferred == albums.count)
            #expect(summary.outcome == .deferred("max_requests (3) reached"))
        }
    }

    @Test func aSearchAnswered429WaitsOutRetryAfterAndQuotaExceededParksTheRest() async throws {
        try swingMusic.addTracks(
            (1...3).map { exactFile("/music/\($0).flac", title: "Nomatch \($0)", artist: "Cher") })
        var limited = FixtureServerOptions()
        limited.rateLimitEvery = 2
        limited.retryAfterSeconds = 7
        try await withServer(limited) { server in
            let (_, summary) = try await run(jobs(), server: server)
            #expect(summary.library?.unmatched == 3)
            #expect(summary.rateLimited >= 1)
            #expect(clock.sleptUntil.contains { $0.timeIntervalSince(.testEpoch) >= 7 })
            #expect(summary.outcome == .completed)
        }

        try swingMusic.addTracks(
            (4...6).map { exactFile("/music/\($0).flac", title: "Nomatch \($0)", artist: "Cher") })
        var quota = FixtureServerOptions()
        quota.quotaAfter = 1
        try await withServer(quota) { server in
            clock.advance(by: 3600)
            let (_, summary) = try await run(jobs(), server: server)
            #expect(summary.library?.unmatched == 1)
            #expect(summary.library?.deferred == 2)
            guard case .parked(_, let reason) = summary.outcome else {
                Issue.record("expected a parked run, got \(summary.outcome)")
                return
            }
            #expect(reason == "QUOTA_EXCEEDED")
            #expect(try await store.ledger.serviceState(Scheduler.spotify).parkedUntil != nil)
        }
    }

    @Test func aMissingSwingMusicDatabaseNamesThePathAndMakesNoRequest() async throws {
        let origin = SourceLocation(file: "library.yaml", line: 1, column: 1)
        let spec = JobSpec(
            name: "library", path: "library.yaml",
            library: LibrarySource(swingMusicDatabase: folder.file("absent.db"), origin: origin))
        try await withServer { server in
            await #expect(throws: SwingMusicLibraryError.self) {
                _ = try await run(JobSet(specs: [spec], defaultMarket: "US"), server: server)
            }
            #expect(await server.requestLog().isEmpty)
        }
    }
}
