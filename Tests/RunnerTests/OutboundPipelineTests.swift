import CacheStore
import EnrichmentAPI
import Foundation
import InMemoryLogging
import Logging
import Outbound
import SharedTier
import SwingCache
import SwingCacheTestKit
import SwingMusicAPI
import Synchronization
import Testing

@testable import Runner

/// The one pipeline every service's requests go through, driven with real answers of each service on the test's
/// manual clock: what it waits, when it parks, what reaches the ledger.
@Suite struct OutboundPipelineTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let clock = ManualClock()

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    /// Answers each send with the next of `answers` (the last one again when they run out), noting when it was sent.
    final class ScriptedService<Answer: OutboundAnswer>: Sendable {
        private let answers: [(status: Int, answer: Answer)]
        private let sent = Mutex<[Date]>([])
        let clock: ManualClock

        init(_ answers: [(status: Int, answer: Answer)], clock: ManualClock) {
            self.answers = answers
            self.clock = clock
        }

        func send() -> EnrichmentExchange<String, Answer> {
            let index = sent.withLock { times in
                times.append(clock.now())
                return times.count - 1
            }
            let (status, answer) = answers[min(index, answers.count - 1)]
            return EnrichmentExchange(request: "", status: status, answer: answer, reachedNetwork: true, duration: 0)
        }

        /// Seconds from the test's start at which each request was sent.
        var sendTimes: [TimeInterval] { sent.withLock { $0.map { $0.timeIntervalSince(.testEpoch) } } }
    }

    func pipeline(
        _ provider: Provider, minInterval: TimeInterval = 0, retry: RetryPolicy = RetryPolicy(),
        logger: Logger = Logger(label: "test")
    ) -> OutboundPipeline {
        let pacer = Pacer(
            store: store.ledger, service: provider.serviceName, clock: clock, limit: 1000, minInterval: minInterval,
            runID: nil, deadline: nil, waitsForWindow: true, logger: logger)
        return OutboundPipeline(
            service: provider.displayName, pacer: pacer, store: store.ledger, clock: clock, retry: retry,
            throttle: provider.throttle, logger: logger)
    }

    @Test func aListenBrainzResetLongerThanTheCeilingParksListenBrainzInsteadOfRetryingEarly() async throws {
        let service = ScriptedService<ListenBrainzAnswer>([(429, .rateLimited(resetIn: 900))], clock: clock)
        var listenbrainz = pipeline(.listenbrainz)
        var summary = ProviderSummary()

        let ending = await listenbrainz.send(endpoint: "popularity/recording", detail: "1", tally: &summary) {
            service.send()
        }

        let until = Date.testEpoch.addingTimeInterval(900)
        guard case .stopped(.parked(until, let reason)) = ending else {
            Issue.record("expected ListenBrainz parked until \(until), got \(ending)")
            return
        }
        #expect(reason?.contains("Retry-After") == true)
        #expect(service.sendTimes == [0], "no second request before the reset")
        #expect(try await store.ledger.serviceState(Provider.listenbrainz.serviceName).parkedUntil == until)
        #expect(summary.requests == 1)
        #expect(summary.rateLimited == 1)
        let next = await pipeline(.listenbrainz).pacer.acquireForTest()
        #expect(next == .refused(.parked(until: until, reason: reason)), "a later run is refused until the reset too")
    }

    @Test func aListenBrainzResetWithinTheCeilingIsWaitedToTheSecond() async throws {
        let service = ScriptedService<ListenBrainzAnswer>(
            [(429, .rateLimited(resetIn: 8)), (200, .found([]))], clock: clock)
        var listenbrainz = pipeline(.listenbrainz)
        var summary = ProviderSummary()

        let ending = await listenbrainz.send(endpoint: "popularity/recording", detail: "1", tally: &summary) {
            service.send()
        }

        guard case .answered(_, .store, _, 200) = ending else {
            Issue.record("expected the retry to be answered, got \(ending)")
            return
        }
        #expect(service.sendTimes == [0, 8])
        #expect(summary.requests == 2)
        #expect(summary.retries == 1)
    }

    @Test func repeatedLastfmRateLimitsBackLastfmOffAndThenParkIt() async throws {
        let service = ScriptedService<LastFMAnswer>([(429, .rateLimited)], clock: clock)
        var lastfm = pipeline(.lastfm, retry: RetryPolicy(maxAttempts: 10))
        var summary = ProviderSummary()

        let ending = await lastfm.send(endpoint: "track.getInfo", detail: "Cher – Believe", tally: &summary) {
            service.send()
        }

        let policy = Provider.lastfm.throttle
        #expect(
            service.sendTimes == [
                0, policy.wait(afterConsecutive: 1),
                policy.wait(afterConsecutive: 1) + policy.wait(afterConsecutive: 2),
            ])
        #expect(policy.wait(afterConsecutive: 1) >= 30, "error 29 is not retried after a second of jitter")
        let lastSend = Date.testEpoch.addingTimeInterval(try #require(service.sendTimes.last))
        let until = lastSend.addingTimeInterval(policy.parkFor)
        guard case .stopped(.parked(until, _)) = ending else {
            Issue.record("expected Last.fm parked until \(until), got \(ending)")
            return
        }
        #expect(try await store.ledger.serviceState(Provider.lastfm.serviceName).parkedUntil == until)
        #expect(summary.rateLimited == 3)
    }

    @Test func rateLimitsWithoutAWaitCountAcrossKeysSoTheNextKeyDoesNotStartAfresh() async throws {
        let service = ScriptedService<LastFMAnswer>(
            [(429, .rateLimited), (429, .rateLimited), (429, .rateLimited)], clock: clock)
        var lastfm = pipeline(.lastfm, retry: RetryPolicy(maxAttempts: 2))
        var summary = ProviderSummary()
        var endings: [String] = []
        for key in ["first", "second"] {
            let ending = await lastfm.send(endpoint: "track.getInfo", detail: key, tally: &summary) { service.send() }
            endings.append("\(ending)")
        }
        #expect(endings.first?.contains("failed") == true, "the first key gives up after its tries")
        #expect(endings.last?.contains("parked") == true, "the third rate limit in a row parks Last.fm")
        #expect(service.sendTimes.count == 3)
    }

    @Test(arguments: [(20.0, false), (3_600.0, true)])
    func anOdesliRetryAfterIsNeverCutShort(retryAfter: TimeInterval, parks: Bool) async throws {
        let service = ScriptedService<OdesliAnswer>(
            [(429, .rateLimited(retryAfter: retryAfter)), (200, .found([:]))], clock: clock)
        var odesli = pipeline(.odesli, minInterval: 6)
        var summary = ProviderSummary()

        let ending = await odesli.send(endpoint: "links", detail: "url", tally: &summary) { service.send() }

        if parks {
            #expect(service.sendTimes == [0])
            guard case .stopped(.parked) = ending else {
                Issue.record("expected Odesli parked, got \(ending)")
                return
            }
        } else {
            #expect(service.sendTimes == [0, retryAfter])
        }
    }

    @Test func failedRequestsInARowTripTheServicesBreaker() async throws {
        let service = ScriptedService<DeezerAnswer>([(500, .serverError(status: 500))], clock: clock)
        var deezer = pipeline(.deezer, retry: RetryPolicy(maxAttempts: 1, breakerThreshold: 3))
        var summary = ProviderSummary()
        var endings: [String] = []
        for isrc in ["A", "B", "C", "D"] {
            let ending = await deezer.send(endpoint: "track/isrc", detail: isrc, tally: &summary) { service.send() }
            endings.append("\(ending)")
            if case .stopped = ending { break }
        }
        #expect(endings.count == 3)
        #expect(endings.last?.contains("serviceUnavailable") == true)
        #expect(summary.requests == 3)
    }

    @Test(arguments: [
        (0, SwingMusicAnswer.transportFailed("127.0.0.1:1970 sent nothing for 30s")),
        (500, SwingMusicAnswer.serverError(status: 500)),
    ])
    func aWriteThatMayHaveTakenEffectIsSentOnceAndEndsWithItsEffectUnknown(status: Int, answer: SwingMusicAnswer)
        async throws
    {
        let service = ScriptedService<SwingMusicAnswer>([(status, answer), (200, .ok(Data()))], clock: clock)
        var swingMusic = pipeline(.lastfm)
        var summary = ProviderSummary()

        let ending = await swingMusic.send(
            endpoint: "POST /backup/restore", detail: "", tally: &summary, idempotent: false
        ) { service.send() }

        guard case .effectUnknown = ending else {
            Issue.record("expected the restore's effect unknown, got \(ending)")
            return
        }
        #expect(service.sendTimes == [0], "never sent again")
        #expect(summary.requests == 1)
        #expect(
            try await SQLiteShell.query(store.path, "SELECT group_concat(status, ',') FROM request_ledger")
                == "\(status)", "in the ledger with what it answered")
    }

    @Test func aReadThatGotNoAnswerIsSentAgain() async throws {
        let service = ScriptedService<SwingMusicAnswer>(
            [(0, .transportFailed("127.0.0.1:1970 sent nothing for 30s")), (200, .ok(Data()))], clock: clock)
        var swingMusic = pipeline(.lastfm)
        var summary = ProviderSummary()

        let ending = await swingMusic.send(endpoint: "GET /playlists", detail: "", tally: &summary) { service.send() }

        guard case .answered(.ok, _, _, 200) = ending else {
            Issue.record("expected the read answered on its second try, got \(ending)")
            return
        }
        #expect(service.sendTimes.count == 2)
    }

    @Test func everyRequestThatReachedTheNetworkIsInTheLedgerWithItsStatus() async throws {
        let service = ScriptedService<DeezerAnswer>(
            [(500, .serverError(status: 500)), (200, .notFound)], clock: clock)
        var deezer = pipeline(.deezer)
        var summary = ProviderSummary()
        let ending = await deezer.send(endpoint: "track/isrc", detail: "A", tally: &summary) { service.send() }
        guard case .answered(_, .rememberMissing, let ledgerID, 200) = ending else {
            Issue.record("expected a missing track, got \(ending)")
            return
        }
        await deezer.complete(ledgerID, 200)
        let statuses = try await SQLiteShell.query(
            store.path, "SELECT group_concat(status, ',') FROM (SELECT status FROM request_ledger ORDER BY id)")
        #expect(statuses == "500,200")
        #expect(summary.byStatus == ["500": 1, "200": 1])
    }

    @Test func aRequestHoldsItsSlotUntilItsAnswerSoTheNextStartsAnIntervalAfterIt() async throws {
        let clock = self.clock
        var deezer = pipeline(.deezer, minInterval: 1)
        var summary = ProviderSummary()
        var sent: [TimeInterval] = []
        for _ in 0..<3 {
            _ = await deezer.send(endpoint: "track/isrc", detail: "A", tally: &summary) {
                sent.append(clock.now().timeIntervalSince(.testEpoch))
                // The answer takes 0.3 s to arrive.
                clock.advance(by: 0.3)
                return EnrichmentExchange<String, DeezerAnswer>(
                    request: "", status: 200, answer: .notFound, reachedNetwork: true, duration: 0.3)
            }
        }
        #expect(zip(sent, [0, 1.3, 2.6]).allSatisfy { abs($0 - $1) < 1e-3 }, "sent at \(sent)")
    }

    @Test func theSharedBudgetsOutageIsWarnedOnceNotOncePerRequest() async throws {
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test") { _ in logs }
        let pacer = Pacer(
            store: store.ledger, service: "spotify", clock: clock, limit: 1000, minInterval: 1, runID: nil,
            deadline: nil,
            waitsForWindow: true, sharedBudget: UnreachableBudget(), logger: logger)
        for _ in 0..<5 { _ = try await pacer.acquire(endpoint: "GET /tracks") }
        let warnings = logs.entries.filter { $0.level == .warning }
        #expect(warnings.count == 1)
    }
}

/// A shared budget whose server never answers.
struct UnreachableBudget: SharedBudget {
    struct Unreachable: Error {}
    func reserve(service: String, limit: Int, minInterval: TimeInterval, now: Date, dailyLimit: Int?) async throws
        -> Reservation
    {
        throw Unreachable()
    }
    func markSent(service: String, grantedAt: Date, sentAt: Date) async throws { throw Unreachable() }
    func block(service: String, until: Date) async throws { throw Unreachable() }
    func park(service: String, until: Date, reason: String) async throws { throw Unreachable() }
}

extension Pacer {
    func acquireForTest() async -> Acquisition? {
        try? await acquire(endpoint: "test")
    }
}
