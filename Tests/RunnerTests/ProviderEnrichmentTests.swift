import CacheStore
import EnrichmentAPI
import FixtureServer
import Foundation
import Logging
import Outbound
import RedisClient
import Runner
import SharedTier
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import SwingMusicLibrary
import Synchronization
import Testing

/// A library run with `enrich:`: each provider the spec names asked, through its own pacer, for what the store
/// lacks, against the fixture server on the test's manual clock.
@Suite struct ProviderEnrichmentTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let swingMusic: SwingMusicLibraryBuilder
    let clock = ManualClock()
    static let isrcs = ["GBAAA9900101", "GBAAA9900102", "GBAAA9900103"]

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
        swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTracks(
            Self.isrcs.enumerated().map { index, isrc in
                SwingMusicTrackRow(
                    filepath: "/music/\(index).flac", title: "Song \(index)", artists: "Artist \(index)",
                    isrc: .text(isrc))
            })
        _ = try? swingMusic.addUser("admin")
        try swingMusic.addScrobbles(filepath: "/music/0.flac", count: 5)
    }

    func jobs(
        _ providers: [Provider] = [.lastfm, .musicbrainz, .listenbrainz, .deezer],
        budgets: [Provider: ProviderBudgetOverride] = [:]
    ) -> JobSet {
        let origin = SourceLocation(file: "library.yaml", line: 1, column: 1)
        let spec = JobSpec(
            name: "library", path: "library.yaml", budget: BudgetPolicy(minInterval: 0, reserve: 0),
            library: LibrarySource(swingMusicDatabase: swingMusic.path, origin: origin),
            enrichment: EnrichmentSettings(
                ttls: Dictionary(uniqueKeysWithValues: providers.map { ($0, $0.defaultTTL) }), lastfmUsername: "rj",
                budgets: budgets))
        return JobSet(specs: [spec], defaultMarket: "US")
    }

    func configuration(_ server: RunningFixtureServer, lastfmKey: String = "swingcache-demo-lastfm-key") throws
        -> ProviderConfiguration
    {
        var roots: [Provider: URL] = [:]
        for (provider, service) in [
            (Provider.lastfm, FixtureService.lastfm), (.musicbrainz, .musicbrainz),
            (.listenbrainz, .listenbrainz), (.deezer, .deezer), (.odesli, .odesli),
        ] {
            let root = try #require(URL(string: server.url(of: service)))
            roots[provider] = root
        }
        return ProviderConfiguration(
            lastfmKey: try ProviderCredential(lastfmKey, for: .lastfm),
            contactUserAgent: try ProviderUserAgent(contact: "dev@example.org"), roots: roots)
    }

    func run(
        _ jobs: JobSet, server: RunningFixtureServer, providers: ProviderConfiguration,
        progress: @escaping @Sendable (RunProgress) -> Void = { _ in }, store: AppDatabase? = nil,
        sharedBudget: (any SharedBudget)? = nil, tellsRunTimeLeft: Bool = false
    ) async throws -> RunSummary {
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(apiURL: URL(string: server.apiURL)!, tokenURL: URL(string: server.tokenURL)!),
            credentials: SpotifyCredentials(clientID: "swingcache-demo", clientSecret: "swingcache-demo-secret"),
            transport: AsyncHTTPClientTransport(), now: { clock.now() })
        var jobRun = JobRun(store: store ?? self.store, client: client, clock: clock, logger: Logger(label: "test"))
        jobRun.sharedBudget = sharedBudget
        jobRun.providers = ProviderClients(providers, transport: AsyncHTTPClientTransport(), now: { clock.now() })
        jobRun.progress = progress
        jobRun.tellsRunTimeLeft = tellsRunTimeLeft
        return try await jobRun.run(jobs).summary
    }

    func withServer(
        _ options: FixtureServerOptions = FixtureServerOptions(), _ body: (RunningFixtureServer) async throws -> Void
    ) async throws {
        try await FixtureServer.withRunning(options: options, clock: clock, body)
    }

    func requests(_ server: RunningFixtureServer, _ prefix: String) async -> [String] {
        await server.requestLog().map(\.path).filter { $0.hasPrefix(prefix) }
    }

    func count(_ sql: String) async throws -> Int { Int(try await SQLiteShell.query(store.path, sql)) ?? -1 }

    @Test func everyProviderStoresItsFactsAndTheCombinedCountFollowsTheRule() async throws {
        try await withServer { server in
            let summary = try await run(jobs(), server: server, providers: try configuration(server))

            #expect(summary.providers["lastfm"]?.stored == 3)
            #expect(summary.providers["musicbrainz"]?.stored == 3)
            // MusicBrainz's url relations already name each track's Deezer page: no Deezer request is needed.
            #expect(summary.providers["links"]?.fresh == 3)
            #expect((summary.providers["listenbrainz"]?.requests ?? 0) == 1)
            #expect(try await count("SELECT COUNT(*) FROM lastfm_track WHERE playcount IS NOT NULL") == 3)
            #expect(try await count("SELECT COUNT(*) FROM musicbrainz_recording WHERE missing_reason IS NULL") == 3)
            #expect(
                try await count("SELECT COUNT(*) FROM track_link WHERE platform = 'deezer' AND url IS NOT NULL") == 3)
            #expect(try await count("SELECT COUNT(*) FROM listenbrainz_popularity") >= 3)
            #expect(try await count("SELECT COUNT(*) FROM request_ledger WHERE service = 'musicbrainz'") == 6)

            let rows = try await SQLiteShell.query(
                store.path,
                """
                SELECT localPlayCount, lastfmPlayCount, coalesce(lastfmUserPlayCount, -1),
                    coalesce(listenbrainzPlayCount, 0), totalCombined
                FROM swingcache_play_counts ORDER BY filepath
                """
            ).split(separator: "\n")
            #expect(rows.count == 3)
            for row in rows {
                let values = row.split(separator: "|").map { Int($0) ?? -1 }
                let (local, global, user, listenbrainz, total) = (values[0], values[1], values[2], values[3], values[4])
                let unseen = user < 0 ? 0 : max(0, local - user)
                #expect(total == max(global, max(user, 0)) + unseen + listenbrainz, "\(row)")
            }
        }
    }

    @Test func aProviderThatIsNotConfiguredIsSkippedNotAnError() async throws {
        try await withServer { server in
            var providers = try configuration(server)
            providers.lastfmKey = nil
            providers.contactUserAgent = nil
            let summary = try await run(jobs([.lastfm, .musicbrainz]), server: server, providers: providers)

            #expect(summary.providers["lastfm"]?.skipped == "LASTFM_API_KEY is not set")
            #expect(summary.providers["musicbrainz"]?.skipped?.contains("SWINGCACHE_CONTACT") == true)
            #expect(summary.providers.values.allSatisfy { !$0.unfinished }, "not configured is not unfinished")
            #expect(await requests(server, "/lastfm").isEmpty)
            #expect(await requests(server, "/musicbrainz").isEmpty)
            #expect(summary.outcome == .completed)
        }
    }

    @Test func odesliIsAskedAboutEachDeezerLinkFoundInTheRunAndCountedUnderLinks() async throws {
        try await withServer(FixtureServerOptions(odesliKey: "odesli-key")) { server in
            var providers = try configuration(server)
            providers.odesliKey = try ProviderCredential("odesli-key", for: .odesli)
            let first = try await run(jobs([.deezer, .odesli]), server: server, providers: providers)

            let deezer = await requests(server, "/deezer").count
            let odesli = await requests(server, "/odesli").count
            #expect(deezer == 3)
            #expect(odesli == 3, "one request per Deezer link found")
            #expect(first.providers["links"]?.requests == deezer + odesli)
            #expect(first.providers["odesli"] == nil, "reported under its enrich: key")
            #expect(try await count("SELECT COUNT(*) FROM track_link WHERE source = 'odesli'") > 0)
            #expect(
                try await count("SELECT COUNT(*) FROM request_ledger WHERE service = 'odesli' AND status = 200") == 3)

            let second = try await run(jobs([.deezer, .odesli]), server: server, providers: providers)
            #expect(second.providers["links"]?.fresh == 3)
            #expect(await requests(server, "/odesli").count == odesli, "no new Deezer link, no Odesli request")
        }
    }

    @Test func deezersRankTempoAndGainAreKeptFromTheAnswerItGivesForLinks() async throws {
        try await withServer { server in
            _ = try await run(jobs([.deezer]), server: server, providers: try configuration(server))

            #expect(await requests(server, "/deezer").count == 3, "no request beyond the one for links")
            #expect(
                try await count(
                    """
                    SELECT COUNT(*) FROM deezer_track AS d JOIN track_link AS l ON l.isrc = d.isrc
                    WHERE l.platform = 'deezer' AND d.source = 'deezer' AND d.rank BETWEEN 1000 AND 999999
                        AND d.bpm BETWEEN 70 AND 170 AND d.gain < 0 AND d.missing_reason IS NULL
                        AND d.fetched_at = l.fetched_at AND d.expires_at = l.expires_at
                    """) == 3)
        }
    }

    @Test func odesliRefusingTheKeyIsSwitchedOffWithoutUndoingDeezersLinks() async throws {
        try await withServer(FixtureServerOptions(odesliKey: "odesli-key")) { server in
            var providers = try configuration(server)
            providers.odesliKey = try ProviderCredential("not-allow-listed", for: .odesli)
            let summary = try await run(jobs([.deezer, .odesli]), server: server, providers: providers)

            #expect(await requests(server, "/odesli").count == 1, "the first refusal switches Odesli off")
            #expect(summary.providers["links"]?.stored == 3)
            #expect(summary.providers["links"]?.unfinished == false)
            #expect(
                try await count("SELECT COUNT(*) FROM track_link WHERE platform = 'deezer' AND url IS NOT NULL") == 3)
        }
    }

    @Test func aBadLastfmKeyDisablesLastfmForTheRun() async throws {
        try await withServer { server in
            let summary = try await run(
                jobs([.lastfm]), server: server, providers: try configuration(server, lastfmKey: "wrong-key"))

            #expect(summary.providers["lastfm"]?.requests == 1)
            #expect(summary.providers["lastfm"]?.skipped?.hasPrefix("disabled") == true)
            #expect(await requests(server, "/lastfm").count == 1)
            #expect(try await count("SELECT COUNT(*) FROM lastfm_track") == 0)
        }
    }

    @Test func aBusyMusicBrainzIsRetried() async throws {
        var options = FixtureServerOptions()
        options.musicBrainzBusyRate = 0.5
        try await withServer(options) { server in
            let summary = try await run(jobs([.musicbrainz]), server: server, providers: try configuration(server))

            let musicbrainz = try #require(summary.providers["musicbrainz"])
            #expect(musicbrainz.stored == 3)
            #expect(musicbrainz.requests > 6)
            #expect(
                try await count("SELECT COUNT(*) FROM request_ledger WHERE service = 'musicbrainz' AND status = 503")
                    > 0)
        }
    }

    @Test func aListenBrainz429IsWaitedOut() async throws {
        var options = FixtureServerOptions()
        options.listenBrainzRequestsPerWindow = 0
        options.listenBrainzWindowSeconds = 10
        try await withServer(options) { server in
            let started = clock.now()
            let summary = try await run(
                jobs([.musicbrainz, .listenbrainz]), server: server, providers: try configuration(server))

            let listenbrainz = try #require(summary.providers["listenbrainz"])
            #expect(listenbrainz.requests >= 1)
            #expect(clock.now().timeIntervalSince(started) >= 6)
        }
    }

    @Test func musicBrainzsRecordingLookUpKeepsTheArtistsAliasesAndAFileLeftForReviewBeforeThemIsMatchedAgain()
        async throws
    {
        try await withServer { server in
            let providers = try configuration(server)
            _ = try await run(jobs([.musicbrainz]), server: server, providers: providers)

            let lookups = await requests(server, "/musicbrainz/ws/2/recording/")
            #expect(lookups.count == 3)
            #expect(lookups.allSatisfy { $0.contains("inc=genres+tags+isrcs+url-rels+artist-credits+aliases") })
            #expect(try await count("SELECT COUNT(*) FROM musicbrainz_artist WHERE artists IS NOT NULL") == 3)
            let known = try await store.facts.knownArtists(["/music/0.flac", "/music/elsewhere.flac"])
            let artist = try #require(known["/music/0.flac"]?.first)
            #expect(known.count == 1)
            #expect(
                artist.sortName == artist.name && artist.aliases == [MusicBrainzArtistAliases.cyrillic(artist.name)])

            // Left for review before MusicBrainz was asked: matched again by the next run; not a file decided after
            // it, nor one that was matched, nor one a person rejected.
            let (before, after) = (clock.now().addingTimeInterval(-86_400), clock.now().addingTimeInterval(1))
            let files = try await store.library.libraryTracks(["/music/0.flac", "/music/1.flac", "/music/2.flac"])
            let outcomes: [(TrackMatch.Outcome, Date)] = [
                (.lowConfidence, before), (.matched, before), (.ambiguous, after),
            ]
            try await store.library.save(
                zip(files, outcomes).map { file, decided in
                    TrackMatchRecord(
                        filepath: file.filepath, fingerprint: file.fingerprint,
                        match: TrackMatch(method: .search, outcome: decided.0, spotifyID: "x", confidence: 0.7),
                        matchedAt: decided.1)
                })
            #expect(try await store.library.libraryFilesNeedingMatching().files.map(\.filepath) == ["/music/0.flac"])
            #expect(try await store.library.matchingBacklog().files == 1)
            try await store.library.rejectMatch(filepath: "/music/0.flac", at: before)
            #expect(try await store.library.libraryFilesNeedingMatching().files.isEmpty)
        }
    }

    /// Spotify credits the band as "Kino"; the file says "Кино", which MusicBrainz knows as Kino's alias: the first
    /// run leaves the file for review, MusicBrainz's search finds its recording, and the next run matches it.
    @Test func aFileTaggedWithAnArtistsAliasIsMatchedOnTheRunAfterMusicBrainzNamesIt() async throws {
        let (title, artist) = ("Gruppa Krovi", "Кино")
        let seconds = Int((Double(FixtureCatalog.searchDurationMs(artist: artist, title: title)) / 1000).rounded())
        try swingMusic.addTracks([
            SwingMusicTrackRow(
                filepath: "/music/kino.flac", title: title, artists: artist, album: "Unknown", duration: seconds)
        ])
        func outcome() async throws -> String {
            try await SQLiteShell.query(
                store.path, "SELECT outcome FROM track_match WHERE filepath = '/music/kino.flac'")
        }
        try await withServer { server in
            let providers = try configuration(server)
            _ = try await run(jobs([.musicbrainz]), server: server, providers: providers)
            #expect(try await outcome() == "lowConfidence")
            let known = try #require(try await store.facts.knownArtists(["/music/kino.flac"])["/music/kino.flac"])
            #expect(known == [KnownArtist(name: "Kino", sortName: "Kino", aliases: [artist])])

            clock.advance(by: 60)
            _ = try await run(jobs([.musicbrainz]), server: server, providers: providers)
            #expect(try await outcome() == "matched")
            let matched = try await SQLiteShell.query(
                store.path,
                """
                SELECT json_extract(t.artist_names, '$[0]') FROM track_match AS m JOIN track AS t
                    ON t.id = m.spotify_id WHERE m.filepath = '/music/kino.flac'
                """)
            #expect(matched == "Kino")
        }
    }

    @Test func aRerunMakesNoProviderRequestWhileFactsAreFresh() async throws {
        try await withServer { server in
            let providers = try configuration(server)
            _ = try await run(jobs(), server: server, providers: providers)
            let before = await server.requestLog().count
            let again = try await run(jobs(), server: server, providers: providers)

            let providerRequests = await server.requestLog().dropFirst(before).map(\.path).filter {
                !$0.hasPrefix("/v1") && !$0.hasPrefix("/api")
            }
            #expect(providerRequests.isEmpty)
            #expect(again.providers.values.allSatisfy { $0.requests == 0 })
            #expect(again.providers["lastfm"]?.fresh == 3)
        }
    }

    @Test func aSpecsBudgetForAProviderCapsItsRequestsAndSpacesThem() async throws {
        try await withServer { server in
            let budgets: [Provider: ProviderBudgetOverride] = [
                .lastfm: ProviderBudgetOverride(maxRequests: 2),
                .musicbrainz: ProviderBudgetOverride(minInterval: 3),
            ]
            let providers = try configuration(server)
            let summary = try await run(
                jobs([.lastfm, .musicbrainz], budgets: budgets), server: server, providers: providers)

            let lastfm = try #require(summary.providers["lastfm"])
            #expect(lastfm.requests == 2)
            #expect(lastfm.byStatus == ["200": 2])
            #expect(lastfm.stored == 2)
            #expect(lastfm.failed == 0)
            #expect(lastfm.skipped == "max_requests (2) reached")
            #expect(lastfm.unfinished)
            #expect(summary.outcome == .deferred("lastfm: max_requests (2) reached"), "keys are left: exit 75")
            #expect(await requests(server, "/lastfm").count == 2)

            let musicbrainz = await server.requestLog().filter { $0.service == .musicbrainz }.map(\.time)
            #expect(musicbrainz.count == 6)
            for (earlier, later) in zip(musicbrainz, musicbrainz.dropFirst()) {
                #expect(later.timeIntervalSince(earlier) >= 3)
            }

            let next = try await run(jobs([.lastfm]), server: server, providers: providers)
            #expect(next.providers["lastfm"]?.requests == 1, "the key the cap left is asked by the next run")
            #expect(next.providers["lastfm"]?.fresh == 2)
            #expect(next.outcome == .completed)
        }
    }

    @Test func aPreviewCountsWhatARunWouldAskAndARunLeavesNothingDue() async throws {
        try await withServer { server in
            let jobs = jobs()
            let spec = try #require(jobs.librarySpec)
            let providers = try configuration(server)
            func preview() async throws -> [String: ProviderPreview] {
                let survey = try await LibraryImport(store: store, clock: clock, logger: Logger(label: "test"))
                    .survey(try #require(spec.library))
                return try await ProviderPreview.estimate(
                    survey, settings: spec.enrichment, configuration: providers, store: store, now: clock.now())
            }

            let before = try await preview()
            let lastfm = try #require(before["lastfm"])
            #expect(lastfm.keys == 3)
            #expect(lastfm.due == 3)
            #expect(lastfm.requestsAtLeast == 3 && lastfm.requestsAtMost == 3)
            #expect(lastfm.secondsAtLeast == 0.5, "two gaps of Last.fm's 0.25 s")
            let musicbrainz = try #require(before["musicbrainz"])
            #expect(musicbrainz.due == 3)
            #expect(musicbrainz.requestsAtLeast == 3 && musicbrainz.requestsAtMost == 6)
            #expect(musicbrainz.secondsAsCounted == 5, "two requests an ISRC, as its phase counts them, 1 s apart")
            #expect(before["listenbrainz"]?.requestsAtMost == nil, "it depends on what MusicBrainz finds")
            #expect(before["links"]?.requestsAtLeast == 0, "MusicBrainz may give every Deezer link")

            let summary = try await run(jobs, server: server, providers: providers)
            #expect(summary.providers["lastfm"]?.requests == 3)
            #expect(summary.providers["musicbrainz"]?.requests == 6)

            let after = try await preview()
            for (name, preview) in after {
                #expect(preview.due == 0, "\(name)")
                #expect(preview.requestsAtLeast == 0, "\(name)")
            }
            #expect(after["listenbrainz"]?.keys ?? 0 >= 3)
            #expect(after["listenbrainz"]?.requestsAtMost == 0, "MusicBrainz has nothing due: no new recording")

            var unconfigured = providers
            unconfigured.lastfmKey = nil
            let skipped = try await ProviderPreview.estimate(
                try await LibraryImport(store: store, clock: clock, logger: Logger(label: "test")).survey(
                    try #require(spec.library)), settings: spec.enrichment, configuration: unconfigured,
                store: store, now: clock.now())
            #expect(skipped["lastfm"]?.skipped == "LASTFM_API_KEY is not set")
        }
    }

    @Test func progressNamesEachPhaseWithWhatItCounts() async throws {
        try await withServer { server in
            let lines = Mutex<[String]>([])
            _ = try await run(
                jobs([.lastfm, .musicbrainz]), server: server, providers: try configuration(server),
                progress: { progress in lines.withLock { $0.append(progress.line) } })

            let seen = lines.withLock { $0 }
            #expect(seen.contains { $0.hasPrefix("matching: ") && $0.contains("/3 files") }, "\(seen)")
            #expect(seen.contains { $0.hasPrefix("lastfm: 2/3 keys, 2 requests") }, "\(seen)")
            #expect(seen.contains { $0.hasPrefix("musicbrainz: 1/3 ISRCs, 2 requests") }, "\(seen)")
            #expect(!seen.contains { $0.contains("for the run") }, "only a run asked to tells the whole run's time")
        }
    }

    @Test func eachPhaseTellsTheWholeRunsTimeLeftWithTheLaterPhasesAtTheirPaces() async throws {
        try await withServer { server in
            let seen = Mutex<[RunProgress]>([])
            _ = try await run(
                jobs([.lastfm, .musicbrainz]), server: server, providers: try configuration(server),
                progress: { progress in seen.withLock { $0.append(progress) } }, tellsRunTimeLeft: true)

            let told = seen.withLock { $0 }.filter { $0.waiting == nil && $0.requestsLeft > 0 }
            let matching = try #require(told.first { $0.phase == "matching" })
            let lastfm = try #require(told.first { $0.phase == "lastfm" })
            let musicbrainz = try #require(told.first { $0.phase == "musicbrainz" })
            // As each phase counts its requests: three Last.fm keys, three ISRCs of two MusicBrainz requests each,
            // at the first request and then one per interval.
            let musicbrainzLater = 5 * ProviderBudgetDefaults.standard[.musicbrainz].minInterval
            let lastfmLater = 2 * ProviderBudgetDefaults.standard[.lastfm].minInterval
            #expect(musicbrainz.runRemaining == musicbrainz.estimatedRemaining, "the last phase: only its own time")
            #expect(lastfm.runRemaining == lastfm.estimatedRemaining + musicbrainzLater)
            #expect(matching.runRemaining == matching.estimatedRemaining + lastfmLater + musicbrainzLater)
            let runLeft = try #require(lastfm.runRemaining)
            #expect(
                lastfm.line.hasSuffix(
                    ", about \(DurationText.format(lastfm.estimatedRemaining)) left in this phase, about \(DurationText.format(runLeft)) for the run"
                ), "\(lastfm.line)")
        }
    }

    @Test func musicBrainzsTimeLeftCountsTheTwoRequestsEachISRCTakes() async throws {
        try await withServer { server in
            let seen = Mutex<[RunProgress]>([])
            _ = try await run(
                jobs([.musicbrainz]), server: server, providers: try configuration(server),
                progress: { progress in seen.withLock { $0.append(progress) } })

            let musicbrainz = seen.withLock { $0 }.filter { $0.phase == "musicbrainz" && $0.waiting == nil }
            let afterOne = try #require(musicbrainz.first { $0.itemsDone == 1 })
            #expect(afterOne.requests == 2)
            #expect(afterOne.requestsLeft == 4, "two ISRCs left, an ISRC look-up and a recording each")
        }
    }

    @Test func musicBrainzsTimeLeftCountsTheSearchesThatFollowItsISRCs() async throws {
        let seconds = FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe") / 1000
        try swingMusic.addTracks([
            SwingMusicTrackRow(filepath: "/music/x.flac", title: "Believe", artists: "Cher", duration: seconds)
        ])
        try await withServer(FixtureServerOptions(quotaAfter: 0)) { server in
            let seen = Mutex<[RunProgress]>([])
            _ = try await run(
                jobs([.musicbrainz]), server: server, providers: try configuration(server),
                progress: { progress in seen.withLock { $0.append(progress) } })

            let musicbrainz = seen.withLock { $0 }.filter { $0.phase == "musicbrainz" && $0.waiting == nil }
            let isrcs = try #require(musicbrainz.first { $0.unit == "ISRCs" && $0.itemsDone == 1 })
            #expect(isrcs.requestsLeft == 2 * 2 + 2, "two ISRCs and a search with its recording left")
            let search = try #require(musicbrainz.first { $0.unit == "files" && $0.itemsDone == 0 })
            #expect(search.requestsLeft == 2)
            #expect(try await count("SELECT COUNT(*) FROM musicbrainz_search WHERE genres <> '[]'") == 1)
        }
    }

    @Test(.enabled(if: sharedTestRedisURL != nil, "set SWINGCACHE_TEST_REDIS_URL"))
    func runnersWithSeparateDatabasesKeepMusicBrainzsPaceTogetherThroughRedis() async throws {
        let url = try #require(sharedTestRedisURL)
        let prefix = "test:\(UUID().uuidString):"
        try await withServer { server in
            let providers = try configuration(server)
            for _ in 0..<2 {
                let budget = RedisBudget(redis: ReconnectingRedis(url: url), prefix: prefix)
                let summary = try await run(
                    jobs([.musicbrainz]), server: server, providers: providers, store: try TemporaryDirectory().store(),
                    sharedBudget: budget)
                #expect(summary.providers["musicbrainz"]?.requests == 6)
            }

            let times = await server.requestLog().filter { $0.service == .musicbrainz }.map(\.time)
            #expect(times.count == 12)
            for (earlier, later) in zip(times, times.dropFirst()) {
                #expect(later.timeIntervalSince(earlier) >= 1, "the second runner waits for the first one's last")
            }
            let redis = ReconnectingRedis(url: url)
            let shared = try await redis.send(["ZCARD", prefix + "ledger:musicbrainz"])
            #expect(shared.integer == 12)
        }
    }
}

extension ProviderEnrichmentTests {
    @Test func aWrongSpotifySecretEndsALibraryRunBeforeAnyProviderRequest() async throws {
        var options = FixtureServerOptions()
        options.clientSecret = "the-real-secret"
        try await withServer(options) { server in
            let summary = try await run(jobs(), server: server, providers: try configuration(server))

            guard case .configurationError = summary.outcome else {
                Issue.record("expected a configuration error, got \(summary.outcome)")
                return
            }
            #expect(summary.providers.isEmpty)
            let services = Set(await server.requestLog().map(\.service))
            #expect(services == [.spotify], "only the token endpoint was asked")
            #expect(try await count("SELECT COUNT(*) FROM request_ledger") == 0)
        }
    }

    /// Real time, real HTTP: the fixture server's own log of arrivals, for Spotify (searches and catalog requests)
    /// and MusicBrainz, each paced at 100 ms.
    @Test func theServerNeverSeesTwoRequestsCloserThanTheServicesMinimumInterval() async throws {
        let interval = 0.1
        var options = FixtureServerOptions()
        options.musicBrainzMinimumIntervalMilliseconds = Int(interval * 1000)
        options.latencyMilliseconds = 2
        let libraryFolder = try TemporaryDirectory()
        let swingMusic = try SwingMusicLibraryBuilder(in: libraryFolder)
        try swingMusic.addTracks(
            (0..<12).map { index in
                SwingMusicTrackRow(
                    filepath: "/music/\(index).flac", title: "Song \(index)", artists: "Artist \(index)",
                    isrc: .text(String(format: "GBAAA99002%02d", index)))
            })
        let origin = SourceLocation(file: "library.yaml", line: 1, column: 1)
        let spec = JobSpec(
            name: "library", path: "library.yaml", budget: BudgetPolicy(minInterval: interval, reserve: 0),
            library: LibrarySource(swingMusicDatabase: swingMusic.path, origin: origin),
            enrichment: EnrichmentSettings(ttls: [.musicbrainz: Provider.musicbrainz.defaultTTL]))
        try await FixtureServer.withRunning(options: options) { server in
            let client = SpotifyClient(
                endpoints: SpotifyEndpoints(
                    apiURL: try #require(URL(string: server.apiURL)),
                    tokenURL: try #require(URL(string: server.tokenURL))),
                credentials: SpotifyCredentials(clientID: "swingcache-demo", clientSecret: "swingcache-demo-secret"),
                transport: AsyncHTTPClientTransport())
            var jobRun = JobRun(store: store, client: client, clock: SystemClock(), logger: Logger(label: "test"))
            jobRun.providers = ProviderClients(try configuration(server), transport: AsyncHTTPClientTransport())
            jobRun.providerBudgets[.musicbrainz].minInterval = interval
            _ = try await jobRun.run(JobSet(specs: [spec], defaultMarket: "US"))

            let log = await server.requestLog()
            for (service, arrivals) in [
                ("Spotify", log.filter(\.isAPIRequest).map(\.time)),
                ("MusicBrainz", log.filter { $0.service == .musicbrainz }.map(\.time)),
            ] {
                #expect(arrivals.count >= 12, "\(service): \(arrivals.count) requests")
                let gaps = zip(arrivals.dropFirst(), arrivals).map { $0.timeIntervalSince($1) }
                #expect((gaps.min() ?? interval) >= interval, "\(service): closest arrivals \(gaps.min() ?? 0) s apart")
            }
        }
    }
}
