import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// The ListenBrainz client against the fixture server over real HTTP on 127.0.0.1; its rate-limit window runs on a
/// manual clock.
@Suite struct ListenBrainzClientTests {
    static let known = FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303")[0]
    static let other = "13dd61c7-ce73-4e97-9f0c-9f0e53144411"
    static let unknown = "00000000-ce73-4e97-9f0c-9f0e53144411"
    static let demoToken = "swingcache-demo-listenbrainz-token"

    func client(
        _ server: RunningFixtureServer, clock: ManualClock, token: String? = nil,
        transport: any HTTPTransport = AsyncHTTPClientTransport()
    ) throws -> ListenBrainzClient {
        ListenBrainzClient(
            root: try server.root(of: .listenbrainz),
            token: try token.map { try ProviderCredential($0, for: .listenbrainz) }, transport: transport,
            now: { clock.now() })
    }

    @Test func popularityComesInRequestOrderWithNilsForUnknownRecordings() async throws {
        let clock = ManualClock()
        let mbids = [Self.other, Self.unknown, Self.known]
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock).popularity(recordingMBIDs: mbids)
        }
        #expect(exchange.status == 200)
        guard case .found(let rows) = exchange.answer else {
            Issue.record("expected popularity, got \(exchange.answer)")
            return
        }
        #expect(rows.map(\.mbid) == mbids)
        for row in rows {
            let expected = FixtureCatalog.listenBrainzPopularity(recordingMBID: row.mbid)
            #expect(row.listenCount == expected?.listenCount)
            #expect(row.userCount == expected?.userCount)
        }
        #expect(rows[1] == ListenBrainzPopularity(mbid: Self.unknown, listenCount: nil, userCount: nil))
    }

    @Test func everyAnswerReportsItsRateLimitHeaders() async throws {
        let clock = ManualClock()
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock).popularity(recordingMBIDs: [Self.known])
        }
        #expect(
            exchange.rateLimit == ListenBrainzRateLimit(limit: 30, remaining: 29, resetIn: 10, receivedAt: clock.now()))
        #expect(ListenBrainzPacing(last: exchange.rateLimit).earliestStart(now: clock.now()) == clock.now())
    }

    @Test func overTheWindowTheAnswerIs429AndPacingWaitsForTheReset() async throws {
        let clock = ManualClock()
        let options = FixtureServerOptions(listenBrainzRequestsPerWindow: 2, listenBrainzWindowSeconds: 10)
        try await withFixtureServer(options, clock: clock) { server in
            let client = try client(server, clock: clock)
            var pacing = ListenBrainzPacing()
            for _ in 1...2 {
                let exchange = await client.popularity(recordingMBIDs: [Self.known])
                pacing.record(exchange.rateLimit)
                guard case .found = exchange.answer else {
                    Issue.record("expected popularity, got \(exchange.answer)")
                    return
                }
                clock.advance(by: 1)
            }
            let refused = await client.popularity(recordingMBIDs: [Self.known])
            #expect(refused.status == 429)
            #expect(refused.answer == .rateLimited(resetIn: 8))
            #expect(refused.answer.action == .retry(after: 8))
            #expect(refused.rateLimit?.remaining == 0)
            pacing.record(refused.rateLimit)
            let resumeAt = pacing.earliestStart(now: clock.now())
            #expect(resumeAt == clock.now().addingTimeInterval(8))
            try await clock.sleep(until: resumeAt)
            let resumed = await client.popularity(recordingMBIDs: [Self.known])
            #expect(resumed.status == 200)
            #expect(resumed.rateLimit?.remaining == 1)
        }
    }

    @Test(arguments: [(nil, 401), ("wrong-token", 401), (demoToken, 200)] as [(String?, Int)])
    func whenATokenIsRequiredOnlyTheRightOneIsAnswered(token: String?, status: Int) async throws {
        let clock = ManualClock()
        let exchange = try await withFixtureServer(FixtureServerOptions(listenBrainzRequireToken: true), clock: clock) {
            server in
            try await client(server, clock: clock, token: token).popularity(recordingMBIDs: [Self.known])
        }
        #expect(exchange.status == status)
        if status == 401 {
            #expect(exchange.answer == .unauthorized)
            #expect(exchange.answer.action == .disableForRun)
            #expect(exchange.rateLimit != nil, "a 401 carries the headers too")
        }
    }

    @Test func aThousandRecordingsGoInOneRequest() async throws {
        let clock = ManualClock()
        let mbids = (1...1000).map { String(format: "%08x-0000-4000-8000-000000000000", $0) }
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock).popularity(recordingMBIDs: mbids)
        }
        guard case .found(let rows) = exchange.answer else {
            Issue.record("expected popularity, got \(exchange.answer)")
            return
        }
        #expect(rows.map(\.mbid) == mbids)
    }

    @Test(arguments: [0, 1001])
    func noneOrMoreThanAThousandRecordingsAreRefusedWithoutARequest(count: Int) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, "[]") }
        let client = ListenBrainzClient(transport: transport)
        let mbids = (0..<count).map { String(format: "%08x-0000-4000-8000-000000000000", $0) }
        let exchange = await client.popularity(recordingMBIDs: mbids)
        guard case .invalidRequest = exchange.answer else {
            Issue.record("expected a local error, got \(exchange.answer)")
            return
        }
        #expect(!exchange.reachedNetwork)
        #expect(exchange.rateLimit == nil)
        #expect(transport.requests.isEmpty)
    }

    @Test(arguments: [(2500, [1000, 1000, 500]), (1000, [1000]), (1, [1]), (0, [])])
    func manyRecordingsAreSplitIntoRequestsOfAtMostAThousandInOrder(count: Int, sizes: [Int]) {
        let mbids = (0..<count).map { String(format: "%08x-0000-4000-8000-000000000000", $0) }
        let batches = ListenBrainzPopularityRequest.batches(of: mbids)
        #expect(batches.map(\.recordingMBIDs.count) == sizes)
        #expect(batches.flatMap(\.recordingMBIDs) == mbids)
    }

    @Test func theTokenGoesInTheAuthorizationHeaderAndTheIdsInTheBody() async throws {
        let transport = ScriptedTransport { _ in
            jsonResponse(200, #"[{"recording_mbid":"\#(Self.known)","total_listen_count":3,"total_user_count":1}]"#)
        }
        let client = ListenBrainzClient(
            token: try ProviderCredential("tok", for: .listenbrainz), transport: transport)
        let exchange = await client.popularity(recordingMBIDs: [Self.known])
        #expect(exchange.answer == .found([ListenBrainzPopularity(mbid: Self.known, listenCount: 3, userCount: 1)]))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://api.listenbrainz.org/1/popularity/recording")
        #expect(request.headers["Authorization"] == "Token tok")
        let body = try JSONDecoder().decode([String: [String]].self, from: try #require(request.body))
        #expect(body == ["recording_mbids": [Self.known]])
    }

    @Test(arguments: [
        #"[{"recording_mbid":"13dd61c7-ce73-4e97-9f0c-9f0e53144411","total_listen_count":1,"total_user_count":1}]"#,
        "[]", "{}", #"[{"recording_mbid":"#,
    ])
    func anAnswerThatDoesNotMatchTheRequestIsMalformed(body: String) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, body) }
        let exchange = await ListenBrainzClient(transport: transport).popularity(recordingMBIDs: [Self.known])
        guard case .malformed = exchange.answer else {
            Issue.record("expected a malformed answer, got \(exchange.answer)")
            return
        }
        #expect(exchange.answer.action == .skip)
    }

    @Test func rateLimitHeadersAreReadWhateverTheirCaseAndIgnoredWhenIncomplete() async throws {
        let received = Date.testEpoch
        let lower = TransportResponse(
            status: 429,
            headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset-in": "7", "X-RATELIMIT-LIMIT": "30"])
        #expect(
            ListenBrainzRateLimit(headersOf: lower, receivedAt: received)
                == ListenBrainzRateLimit(limit: 30, remaining: 0, resetIn: 7, receivedAt: received))
        let partial = TransportResponse(status: 200, headers: ["X-RateLimit-Remaining": "3"])
        #expect(ListenBrainzRateLimit(headersOf: partial, receivedAt: received) == nil)
        let noHeaders = ScriptedTransport { _ in jsonResponse(429, "") }
        let exchange = await ListenBrainzClient(transport: noHeaders).popularity(recordingMBIDs: [Self.known])
        #expect(exchange.answer == .rateLimited(resetIn: nil))
        #expect(exchange.answer.action == .throttle, "a 429 without a reset backs ListenBrainz off by its own policy")
    }
}
