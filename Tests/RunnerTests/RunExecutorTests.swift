import CacheStore
import Foundation
import Logging
import Outbound
import Runner
import ServiceLifecycleTestKit
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct RunExecutorTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let clock = ManualClock()

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    func jobs(_ ids: [SpotifyID], budget: BudgetPolicy = BudgetPolicy(reserve: 0)) -> JobSet {
        let spec = JobSpec(
            name: "test", path: "test.yaml",
            targets: ids.map { JobTarget(id: $0, origin: SourceLocation(file: "test.yaml", line: 1, column: 1)) },
            budget: budget)
        return JobSet(specs: [spec], defaultMarket: "US")
    }

    func run(
        _ jobs: JobSet, transport: ScriptedTransport, retry: RetryPolicy = RetryPolicy()
    ) async throws -> (plan: Plan, summary: RunSummary) {
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(apiURL: ScriptedSpotify.apiURL, tokenURL: ScriptedSpotify.tokenURL),
            credentials: SpotifyCredentials(clientID: "id", clientSecret: "secret"), transport: transport,
            now: { clock.now() })
        let jobRun = JobRun(store: store, client: client, clock: clock, retry: retry, logger: Logger(label: "test"))
        let (plan, summary, _) = try await jobRun.run(jobs)
        return (plan, summary)
    }

    func catalogRequests(_ transport: ScriptedTransport) -> [TransportRequest] {
        transport.requests.filter { !$0.url.path.hasSuffix("/api/token") }
    }

    @Test func aColdWarmUpMakesOneBatchRequestPerFullBatchAndStoresEveryAnswer() async throws {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 120) + factory.ids(.album, count: 41) + factory.ids(.artist, count: 3)
        let transport = ScriptedTransport(ScriptedSpotify.responder())
        let (_, summary) = try await run(jobs(ids), transport: transport)

        #expect(summary.outcome == .completed)
        #expect(catalogRequests(transport).count == 3 + 3 + 1)
        #expect(summary.requests == 7)
        #expect(summary.fetched == 164)
        #expect(summary.tokenFetches == 1)
        #expect(try await store.catalog.cacheStates(for: ids).count == 164)
        let ledger = try await SQLiteShell.query(store.path, "SELECT COUNT(*), SUM(status = 200) FROM request_ledger")
        #expect(ledger == "7|7")
        #expect(
            try await store.ledger.serviceState(Scheduler.spotify).modes == [
                .track: .batch, .album: .batch, .artist: .batch,
            ])

        let rerun = ScriptedTransport(ScriptedSpotify.responder())
        let (_, again) = try await run(jobs(ids), transport: rerun)
        #expect(rerun.requests.isEmpty, "an immediate re-run makes no request, not even for a token")
        #expect(again.alreadyFresh == 164)
    }

    @Test func requestsAreSpacedByTheMinimumIntervalOnTheClock() async throws {
        var factory = CatalogFactory()
        let transport = ScriptedTransport(ScriptedSpotify.responder())
        _ = try await run(
            jobs(factory.ids(.track, count: 150), budget: BudgetPolicy(minInterval: 2, reserve: 0)),
            transport: transport)
        let times = try await store.ledger.requestTimes(service: Scheduler.spotify, since: .distantPast).map {
            $0.timeIntervalSince(.testEpoch)
        }
        #expect(times == [0, 2, 4])
    }

    @Test func aForbiddenBatchSwitchesTheKindToPerItemAndRebatchesTheRest() async throws {
        var factory = CatalogFactory()
        let tracks = factory.ids(.track, count: 60)
        let albums = factory.ids(.album, count: 2)
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { request in
                ScriptedSpotify.isBatch(request) && request.url.path.hasSuffix("/tracks")
                    ? ScriptedSpotify.error(403, "Forbidden") : nil
            })
        let (_, summary) = try await run(jobs(tracks + albums), transport: transport)

        let trackRequests = catalogRequests(transport).filter { $0.url.path.contains("/tracks") }
        #expect(trackRequests.filter(ScriptedSpotify.isBatch).count == 1, "one wasted probe, no more")
        #expect(trackRequests.count == 1 + 60)
        #expect(summary.fetched == 62)
        #expect(summary.outcome == .completed)
        let state = try await store.ledger.serviceState(Scheduler.spotify)
        #expect(state.mode(for: .track) == .perItem)
        #expect(state.mode(for: .album) == .batch)
        #expect(try await store.ledger.modeLearnedAt(Scheduler.spotify, kind: .track) != nil)

        let later = ScriptedTransport(ScriptedSpotify.responder())
        clock.advance(by: 13 * 3600)
        _ = try await run(jobs(tracks), transport: later)
        #expect(catalogRequests(later).filter(ScriptedSpotify.isBatch).isEmpty, "the learned mode is remembered")
    }

    @Test func quotaExceededParksTheServiceAndEndsTheRunCleanly() async throws {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 150)
        let served = CallCounter()
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { _ in
                let count = served.next()
                return count > 1
                    ? ScriptedSpotify.error(
                        429, "Too many requests", reason: "QUOTA_EXCEEDED",
                        headers: ["retry-after": "21600"]) : nil
            })
        let (_, summary) = try await run(jobs(ids), transport: transport)

        let until = Date.testEpoch.addingTimeInterval(2 + 21600)
        #expect(summary.outcome == .parked(until: until, reason: "QUOTA_EXCEEDED"))
        #expect(summary.fetched == 50)
        #expect(summary.deferred == 100)
        #expect(catalogRequests(transport).count == 2)
        let state = try await store.ledger.serviceState(Scheduler.spotify)
        #expect(state.parkedUntil == until)

        let next = ScriptedTransport(ScriptedSpotify.responder())
        clock.advance(by: 3600)
        let (plan, parked) = try await run(jobs(ids), transport: next)
        #expect(next.requests.isEmpty, "a parked service gets no request from the next run")
        #expect(plan.limitedBy == .parked(until: until, reason: "QUOTA_EXCEEDED"))
        #expect(parked.outcome == .parked(until: until, reason: "QUOTA_EXCEEDED"))
    }

    @Test func aGracefulShutdownBeforeTheFirstRequestDefersThePlan() async throws {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 120)
        let transport = ScriptedTransport(ScriptedSpotify.responder())
        let (_, summary) = try await testGracefulShutdown { shutdown in
            shutdown.triggerGracefulShutdown()
            return try await run(jobs(ids), transport: transport)
        }
        #expect(summary.outcome == .deferred("stopped by a signal during the Spotify requests"))
        #expect(summary.deferred == 120)
        #expect(catalogRequests(transport).isEmpty)
    }

    @Test func theRequestInFlightWhenTheShutdownBeginsIsStoredAndNoOtherStarts() async throws {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 120)
        let (transport, summary) = try await testGracefulShutdown { shutdown in
            let transport = ScriptedTransport(
                ScriptedSpotify.responder { _ in
                    shutdown.triggerGracefulShutdown()
                    return nil
                })
            return (transport, try await run(jobs(ids), transport: transport).summary)
        }
        #expect(summary.outcome == .deferred("stopped by a signal during the Spotify requests"))
        #expect(catalogRequests(transport).count == 1)
        #expect(summary.fetched == 50)
        #expect(summary.deferred == 70)
        #expect(try await store.catalog.cacheStates(for: ids).count == 50)
    }

    @Test func aRetryAfterIsWaitedToTheSecondEvenInLowerCase() async throws {
        var factory = CatalogFactory()
        let served = CallCounter()
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { _ in
                let count = served.next()
                return count == 1
                    ? ScriptedSpotify.error(
                        429, "API rate limit exceeded",
                        headers: ["retry-after": "7"]) : nil
            })
        let (_, summary) = try await run(jobs(factory.ids(.track, count: 10)), transport: transport)
        let times = try await store.ledger.requestTimes(service: Scheduler.spotify, since: .distantPast).map {
            $0.timeIntervalSince(.testEpoch)
        }
        #expect(times == [0, 7])
        #expect(summary.rateLimited == 1)
        #expect(summary.retries == 1)
        #expect(summary.waited[.retryAfter] == 7)
        #expect(summary.fetched == 10)
    }

    @Test func aRejectedTokenIsRenewedOnceAndTheRequestRetried() async throws {
        var factory = CatalogFactory()
        let served = CallCounter()
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { _ in
                let count = served.next()
                return count == 1
                    ? ScriptedSpotify.error(401, "The access token expired") : nil
            })
        let (_, summary) = try await run(jobs(factory.ids(.track, count: 3)), transport: transport)
        #expect(summary.fetched == 3)
        #expect(summary.tokenFetches == 2)
        #expect(transport.requests.filter { $0.url.path.hasSuffix("/api/token") }.count == 2)
    }

    @Test func aBatchRejectedWith400IsSplitUntilTheBadIDIsIsolated() async throws {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 9)
        let rejected = ids[6].value
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { request in
                ScriptedSpotify.ids(of: request).contains(rejected)
                    ? ScriptedSpotify.error(400, "Invalid base62 id") : nil
            })
        let (_, summary) = try await run(jobs(ids), transport: transport)
        #expect(summary.fetched == 8)
        #expect(summary.invalid == 1)
        #expect(summary.outcome == .completed)
        let state = try await store.catalog.cacheStates(for: [ids[6]])[ids[6]]
        guard case .knownMissing(reason: .invalid, _)? = state else {
            Issue.record("the rejected id should be remembered as invalid, found \(String(describing: state))")
            return
        }
        // 9 → 4 ✓ + 5 ✗ → 2 ✓ + 3 ✗ → 1 ✗ (the bad id) + 2 ✓
        #expect(catalogRequests(transport).count == 7)
    }

    @Test func unknownIDsAreRememberedAsKnownMissing() async throws {
        var factory = CatalogFactory()
        let ids = factory.ids(.album, count: 3) + [SpotifyID(kind: .album, value: "0000notThere0000000000")]
        let (_, summary) = try await run(jobs(ids), transport: ScriptedTransport(ScriptedSpotify.responder()))
        #expect(summary.fetched == 3)
        #expect(summary.foundMissing == 1)
        #expect(
            try await store.catalog.cacheStates(for: [ids[3]])[ids[3]]
                == .knownMissing(reason: .notFound, expiresAt: Date.testEpoch.addingTimeInterval(6 * 3600)))
    }

    @Test func aMalformedAnswerStoresNothingAndTheRunGoesOn() async throws {
        var factory = CatalogFactory()
        let tracks = factory.ids(.track, count: 2)
        let albums = factory.ids(.album, count: 2)
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { request in
                request.url.path.hasSuffix("/tracks") ? ScriptedSpotify.json(200, #"{"tracks":[{"id":"x","na"#) : nil
            })
        let (_, summary) = try await run(jobs(tracks + albums), transport: transport)
        #expect(summary.failed == 2)
        #expect(summary.fetched == 2)
        #expect(try await store.catalog.cacheStates(for: tracks).isEmpty)
        #expect(summary.outcome == .deferred("2 items failed and are retried by the next run"))
    }

    @Test func serverErrorsAreRetriedWithBackoffAndAPersistentOutageTripsTheBreaker() async throws {
        var factory = CatalogFactory()
        let served = CallCounter()
        let flaky = ScriptedTransport(
            ScriptedSpotify.responder { _ in
                let count = served.next()
                return count <= 2
                    ? ScriptedSpotify.error(503, "Service unavailable") : nil
            })
        let (_, recovered) = try await run(jobs(factory.ids(.track, count: 5)), transport: flaky)
        #expect(recovered.fetched == 5)
        #expect(recovered.retries == 2)
        #expect(recovered.responsesByStatus == [503: 2, 200: 1])

        let down = ScriptedTransport(
            ScriptedSpotify.responder { _ in
                ScriptedSpotify.error(503, "Service unavailable")
            })
        let ids = (0..<8).map { _ in factory.ids(.artist, count: 50) }.flatMap { $0 }
        let (_, outage) = try await run(jobs(ids), transport: down)
        guard case .serviceUnavailable = outage.outcome else {
            Issue.record("expected the breaker to stop the run, got \(outage.outcome)")
            return
        }
        #expect(outage.requests == 5 * 4, "five requests, four tries each")
        #expect(outage.failed == 250)
        #expect(outage.deferred == 150)
    }
}

extension RunExecutorTests {
    @Test func aLearnedPerItemModeIsProbedAgainAfterTheRecheckInterval() async throws {
        var factory = CatalogFactory()
        let tracks = factory.ids(.track, count: 3)
        try await store.ledger.setMode(.perItem, service: Scheduler.spotify, kind: .track, learnedAt: clock.now())

        let soon = ScriptedTransport(ScriptedSpotify.responder())
        _ = try await run(jobs(tracks), transport: soon)
        #expect(catalogRequests(soon).filter(ScriptedSpotify.isBatch).isEmpty, "trusted within the week")

        clock.advance(by: 8 * 86_400)
        let later = ScriptedTransport(ScriptedSpotify.responder())
        _ = try await run(jobs(tracks), transport: later)
        #expect(catalogRequests(later).count == 1, "one batch probe, which succeeds")
        #expect(try await store.ledger.serviceState(Scheduler.spotify).mode(for: .track) == .batch)
    }
}
