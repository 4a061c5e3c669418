import CacheStore
import EnrichmentAPI
import FixtureServer
import Foundation
import Logging
import Outbound
import ServiceLifecycleTestKit
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import Testing

@testable import Runner

/// A user's listening history read through the one pipeline from the fixture server over real HTTP on 127.0.0.1,
/// on the test's manual clock: pages, cursors, and how each way of ending is reported.
@Suite struct ListeningHistoryFetcherTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let clock = ManualClock()
    /// Seven listens a minute apart, the newest at 1_795_500_000.
    let listens = FixtureHistory.minuteApartListens(7)

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    var timestamps: [Int] { listens.compactMap(\.timestamp) }

    func options(_ history: FixtureHistory? = nil) throws -> FixtureServerOptions {
        var options = FixtureServerOptions()
        let history = history ?? FixtureHistory(lastfm: ["rj": listens], listenbrainz: ["rj": listens])
        options.historyFile = folder.file("history.json")
        try history.write(toFile: folder.file("history.json"))
        return options
    }

    func pipeline(_ provider: Provider, requestLimit: Int? = nil) -> OutboundPipeline {
        let logger = Logger(label: "test")
        let pacer = Pacer(
            store: store.ledger, service: provider.serviceName, clock: clock, limit: 1000, minInterval: 0, runID: nil,
            deadline: nil, waitsForWindow: true, logger: logger)
        return OutboundPipeline(
            service: provider.displayName, pacer: pacer, store: store.ledger, clock: clock, retry: RetryPolicy(),
            throttle: provider.throttle, logger: logger, requestLimit: requestLimit)
    }

    func lastfm(
        _ server: RunningFixtureServer, key: String = "swingcache-demo-lastfm-key", pageSize: Int = 3,
        requestLimit: Int? = nil
    ) throws -> ListeningHistoryFetcher {
        let client = LastFMClient(
            root: try #require(URL(string: server.url(of: .lastfm))), apiKey: try ProviderCredential(key, for: .lastfm),
            transport: AsyncHTTPClientTransport(), now: { clock.now() })
        return ListeningHistoryFetcher(
            lastfm: client, pipeline: pipeline(.lastfm, requestLimit: requestLimit), clock: clock,
            logger: Logger(label: "test"), pageSize: pageSize)
    }

    func listenbrainz(_ server: RunningFixtureServer, pageSize: Int = 3) throws -> ListeningHistoryFetcher {
        let client = ListenBrainzClient(
            root: try #require(URL(string: server.url(of: .listenbrainz))), transport: AsyncHTTPClientTransport(),
            now: { clock.now() })
        return ListeningHistoryFetcher(
            listenbrainz: client, pipeline: pipeline(.listenbrainz), clock: clock, logger: Logger(label: "test"),
            pageSize: pageSize)
    }

    func paths(_ server: RunningFixtureServer, _ fragment: String) async -> [String] {
        await server.requestLog().map(\.path).filter { $0.contains(fragment) }
    }

    func count(_ sql: String) async throws -> Int { Int(try await SQLiteShell.query(store.path, sql)) ?? -1 }

    @Test func lastfmPagesAreReadToTheLastAndTheListensComeOldestFirst() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try lastfm(server)
            let fetched = await fetcher.fetch(user: "rj", since: nil)

            #expect(fetched.complete)
            #expect(fetched.listens.map(\.timestamp) == timestamps)
            #expect(fetched.listens.map(\.title) == listens.map(\.title))
            #expect(fetched.newestCompleteTimestamp == timestamps.last)
            #expect(fetched.reason == nil)
            #expect(fetched.requests.requests == 3)
            #expect(fetched.requests.byStatus == ["200": 3])
            let sent = await paths(server, "user.getRecentTracks")
            #expect(sent.count == 3)
            #expect(
                sent.allSatisfy { $0.contains("&limit=3&") && $0.contains("&to=1795575600&") && !$0.contains("from=") })
            #expect(
                try await count("SELECT COUNT(*) FROM request_ledger WHERE service = 'lastfm' AND status = 200") == 3)
        }
    }

    @Test func aSecondFetchFromTheStoredCursorFindsNothingNew() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try lastfm(server)
            let first = await fetcher.fetch(user: "rj", since: nil)
            let cursor = try #require(first.newestCompleteTimestamp)
            let second = await fetcher.fetch(user: "rj", since: cursor)

            #expect(second.complete)
            #expect(second.listens.isEmpty)
            #expect(second.newestCompleteTimestamp == cursor)
            #expect(second.requests.requests == 1)
            #expect(await paths(server, "user.getRecentTracks").last?.contains("&from=\(cursor + 1)&") == true)
        }
    }

    @Test func aSecondListenBrainzFetchFromTheStoredCursorReadsOnePage() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try listenbrainz(server)
            let first = await fetcher.fetch(user: "rj", since: nil)
            let cursor = try #require(first.newestCompleteTimestamp)
            let second = await fetcher.fetch(user: "rj", since: cursor)

            #expect(cursor == timestamps.last)
            #expect(second.complete)
            #expect(second.listens.isEmpty)
            #expect(second.newestCompleteTimestamp == cursor)
            #expect(second.requests.requests == 1)
        }
    }

    @Test func anEmptyHistoryIsCompleteWithNothingToStore() async throws {
        let history = FixtureHistory(lastfm: ["new": []], listenbrainz: ["new": []])
        try await FixtureServer.withRunning(options: try options(history), clock: clock) { server in
            var lastfm = try lastfm(server)
            var listenbrainz = try listenbrainz(server)
            for fetched in [
                await lastfm.fetch(user: "new", since: nil), await listenbrainz.fetch(user: "new", since: 7),
            ] {
                #expect(fetched.complete)
                #expect(fetched.listens.isEmpty)
                #expect(fetched.newestCompleteTimestamp == fetched.since)
                #expect(fetched.requests.requests == 1)
            }
        }
    }

    @Test func onlyListensNewerThanSinceAreRead() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var lastfm = try lastfm(server)
            var listenbrainz = try listenbrainz(server, pageSize: 2)
            let since = timestamps[2]
            let fromLastfm = await lastfm.fetch(user: "rj", since: since)
            let fromListenBrainz = await listenbrainz.fetch(user: "rj", since: since)

            #expect(fromLastfm.listens.map(\.timestamp) == Array(timestamps[3...]))
            #expect(fromLastfm.requests.requests == 2)
            #expect(fromListenBrainz.listens.map(\.timestamp) == Array(timestamps[3...]))
            #expect(fromListenBrainz.listens.allSatisfy { $0.source == .listenbrainz })
            #expect(fromListenBrainz.requests.requests == 4, "the fourth page reaches since and is the last")
            #expect(fromListenBrainz.newestCompleteTimestamp == timestamps.last)
        }
    }

    @Test func theTrackPlayingNowIsNoListen() async throws {
        try await FixtureServer.withRunning(clock: clock) { server in
            var fetcher = try lastfm(server, pageSize: 200)
            let fetched = await fetcher.fetch(user: "admin", since: nil)
            let expected = try #require(FixtureHistory.bundled().lastfm["admin"])
            #expect(fetched.listens.map(\.timestamp) == expected.compactMap(\.timestamp).sorted())
            #expect(fetched.requests.requests == 1)
        }
    }

    @Test func unknownAndPrivateUsersAreSkippedWithAReasonAndTheServiceGoesOn() async throws {
        try await FixtureServer.withRunning(clock: clock) { server in
            var lastfm = try lastfm(server)
            var listenbrainz = try listenbrainz(server)
            let unknown = await lastfm.fetch(user: "nobody", since: 5)
            let hidden = await lastfm.fetch(user: "private-user", since: nil)
            let unknownThere = await listenbrainz.fetch(user: "nobody", since: nil)
            let admin = await lastfm.fetch(user: "admin", since: nil)

            #expect(unknown.ending == .userNotFound("User not found"))
            #expect(unknown.reason == "Last.fm has no user 'nobody' (User not found)")
            #expect(unknown.newestCompleteTimestamp == nil)
            #expect(hidden.ending == .privateProfile("Login: User required to be logged in"))
            #expect(hidden.reason?.contains("'private-user' keeps their profile private") == true)
            #expect(unknownThere.ending == .userNotFound("Cannot find user: nobody"))
            #expect(unknownThere.requests.skipped == unknownThere.reason)
            #expect(![unknown, hidden, unknownThere].contains { $0.stopsService || $0.requests.unfinished })
            #expect(admin.complete, "the next user is fetched")
        }
    }

    @Test func aLastfmRateLimitIsBackedOffAndTheFetchGoesOn() async throws {
        var options = try options()
        options.lastFMRateLimitEvery = 2
        try await FixtureServer.withRunning(options: options, clock: clock) { server in
            var fetcher = try lastfm(server)
            let started = clock.now()
            let fetched = await fetcher.fetch(user: "rj", since: nil)

            #expect(fetched.complete)
            #expect(fetched.listens.map(\.timestamp) == timestamps)
            #expect(fetched.requests.requests == 5)
            #expect(fetched.requests.rateLimited == 2)
            #expect(fetched.requests.retries == 2)
            #expect(fetched.requests.byStatus == ["200": 3, "429": 2])
            #expect(clock.now().timeIntervalSince(started) >= 2 * Provider.lastfm.throttle.baseDelay)
        }
    }

    @Test func aRefusedKeyDisablesTheServiceForEveryUser() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try lastfm(server, key: "nope")
            let fetched = await fetcher.fetch(user: "rj", since: 3)

            guard case .disabled = fetched.ending else {
                Issue.record("expected Last.fm disabled, got \(fetched.ending)")
                return
            }
            #expect(fetched.stopsService)
            #expect(fetched.newestCompleteTimestamp == nil)
            #expect(fetched.requests.requests == 1)
            #expect(fetched.reason?.hasPrefix("Last.fm is disabled for this run: ") == true)
            #expect(fetched.reason?.contains("nope") == false, "the key is never quoted")
        }
    }

    @Test func aFetchThatStopsMidwayKeepsWhatItReadButMovesNoCursor() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try lastfm(server, requestLimit: 2)
            let fetched = await fetcher.fetch(user: "rj", since: 1)

            #expect(fetched.ending == .stopped("max_requests (2) reached"))
            #expect(!fetched.complete)
            #expect(fetched.stopsService)
            #expect(fetched.listens.map(\.timestamp) == Array(timestamps[1...]), "the newest six, oldest first")
            #expect(fetched.newestTimestamp == timestamps.last)
            #expect(fetched.newestCompleteTimestamp == nil, "the oldest listen lies beyond the pages read")
            #expect(fetched.requests.requests == 2)
            #expect(fetched.requests.unfinished)
            #expect(fetched.reason == "Last.fm stopped for this run: max_requests (2) reached")
        }
    }

    @Test func listensOfOneSecondAcrossAListenBrainzPageBoundaryAreAllRead() async throws {
        let second = 1_795_400_000
        let history = FixtureHistory(listenbrainz: [
            "rj": [
                FixtureHistory.Listen(artist: "A", title: "Older", timestamp: second - 60),
                FixtureHistory.Listen(artist: "A", title: "Song 0", timestamp: second),
                FixtureHistory.Listen(artist: "A", title: "Song 1", timestamp: second),
                FixtureHistory.Listen(artist: "A", title: "Newer", timestamp: second + 60),
                FixtureHistory.Listen(artist: "A", title: "Newest", timestamp: second + 120),
            ]
        ])
        try await FixtureServer.withRunning(options: try options(history), clock: clock) { server in
            var fetcher = try listenbrainz(server)
            let fetched = await fetcher.fetch(user: "rj", since: nil)

            #expect(fetched.complete)
            #expect(fetched.listens.map(\.title) == ["Older", "Song 1", "Song 0", "Newer", "Newest"])
            #expect(fetched.requests.requests == 3)
        }
    }

    @Test func aGracefulShutdownEndsTheFetchBeforeAnyRequest() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try lastfm(server)
            let fetched = await testGracefulShutdown { shutdown in
                shutdown.triggerGracefulShutdown()
                return await fetcher.fetch(user: "rj", since: nil)
            }

            #expect(fetched.ending == .stopped("stopped by a signal"))
            #expect(fetched.requests.requests == 0)
            #expect(await paths(server, "user.getRecentTracks").isEmpty)
        }
    }

    @Test func listenBrainzIsPagedBackwardsByTheOldestListen() async throws {
        try await FixtureServer.withRunning(options: try options(), clock: clock) { server in
            var fetcher = try listenbrainz(server)
            let fetched = await fetcher.fetch(user: "rj", since: nil)

            #expect(fetched.complete)
            #expect(fetched.listens.map(\.timestamp) == timestamps)
            #expect(fetched.requests.requests == 4)
            let sent = await paths(server, "/listens")
            #expect(
                sent == [
                    "/listenbrainz/1/user/rj/listens?count=3",
                    "/listenbrainz/1/user/rj/listens?count=3&max_ts=\(timestamps[4] + 1)",
                    "/listenbrainz/1/user/rj/listens?count=3&max_ts=\(timestamps[2] + 1)",
                    "/listenbrainz/1/user/rj/listens?count=3&max_ts=\(timestamps[0] + 1)",
                ], "each page starts at the second of the last one's oldest listen")
            #expect(
                try await count("SELECT COUNT(*) FROM request_ledger WHERE service = 'listenbrainz' AND status = 200")
                    == 4)
        }
    }

    @Test func listenBrainzIsPacedByItsRateLimitHeadersWithoutA429() async throws {
        var options = try options()
        options.listenBrainzRequestsPerWindow = 1
        options.listenBrainzWindowSeconds = 10
        try await FixtureServer.withRunning(options: options, clock: clock) { server in
            var fetcher = try listenbrainz(server)
            let started = clock.now()
            let fetched = await fetcher.fetch(user: "rj", since: nil)

            #expect(fetched.complete)
            #expect(fetched.requests.byStatus == ["200": 4])
            #expect(fetched.requests.rateLimited == 0)
            let times = await server.requestLog().filter { $0.service == .listenbrainz }.map {
                $0.time.timeIntervalSince(started)
            }
            #expect(times == [0, 10, 20, 30])
            #expect(fetcher.pacing.last?.remaining == 0)
        }
    }
}
