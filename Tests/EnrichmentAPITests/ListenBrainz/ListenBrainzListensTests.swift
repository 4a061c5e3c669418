import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// A user's ListenBrainz listens against the fixture server over real HTTP on 127.0.0.1 (its rate-limit window on a
/// manual clock), and captured bodies for the shapes the server does not stage.
@Suite struct ListenBrainzListensTests {
    func client(
        _ server: RunningFixtureServer, clock: ManualClock, token: String? = nil
    ) throws -> ListenBrainzClient {
        ListenBrainzClient(
            root: try server.root(of: .listenbrainz),
            token: try token.map { try ProviderCredential($0, for: .listenbrainz) },
            transport: AsyncHTTPClientTransport(),
            now: { clock.now() })
    }

    @Test func theDefaultHistoryIsReadNewestFirstWithItsRateLimitHeaders() async throws {
        let clock = ManualClock()
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock).listens(user: "admin")
        }
        #expect(exchange.status == 200)
        #expect(
            exchange.rateLimit == ListenBrainzRateLimit(limit: 30, remaining: 29, resetIn: 10, receivedAt: clock.now()))
        guard case .found(let listens) = exchange.answer else {
            Issue.record("expected listens, got \(exchange.answer)")
            return
        }
        let expected = try #require(FixtureHistory.bundled().listenbrainz["admin"])
        #expect(listens.map(\.timestamp) == expected.compactMap(\.timestamp).sorted(by: >))
        #expect(listens.allSatisfy { $0.source == .listenbrainz })
        let underPressure = try #require(listens.last)
        #expect(
            underPressure
                == Listen(
                    source: .listenbrainz, artist: "Queen, David Bowie", title: "Under Pressure", album: "Hot Space",
                    recordingMBID: FixtureCatalog.recordingMBIDs(forISRC: "GBUM71029604").first,
                    timestamp: 1_795_400_000))
        #expect(exchange.answer.action == .store)
    }

    @Test func theNextPageIsTheOneBeforeTheOldestListen() async throws {
        let clock = ManualClock()
        let folder = try TemporaryDirectory()
        let listens = FixtureHistory.minuteApartListens(5)
        let file = folder.file("history.json")
        try FixtureHistory(listenbrainz: ["rj": listens]).write(toFile: file)
        let pages = try await withFixtureServer(FixtureServerOptions(historyFile: file), clock: clock) { server in
            let client = try client(server, clock: clock)
            var pages: [[Int]] = []
            var before: Int?
            for _ in 1...3 {
                guard case .found(let page) = await client.listens(user: "rj", count: 2, maxTimestamp: before).answer
                else { break }
                pages.append(page.map(\.timestamp))
                before = page.last?.timestamp
            }
            return pages
        }
        let newestFirst = Array(listens.compactMap(\.timestamp).reversed())
        #expect(pages == [Array(newestFirst[0..<2]), Array(newestFirst[2..<4]), [newestFirst[4]]])
    }

    @Test func anUnknownUserIsSkipped() async throws {
        let clock = ManualClock()
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock).listens(user: "nobody")
        }
        #expect(exchange.status == 404)
        #expect(exchange.answer == .userNotFound("Cannot find user: nobody"))
        #expect(exchange.answer.action == .skip)
    }

    @Test func overTheWindowTheAnswerIs429WithItsReset() async throws {
        let clock = ManualClock()
        let options = FixtureServerOptions(listenBrainzRequestsPerWindow: 1, listenBrainzWindowSeconds: 10)
        let refused = try await withFixtureServer(options, clock: clock) { server in
            let client = try client(server, clock: clock)
            _ = await client.listens(user: "admin")
            clock.advance(by: 3)
            return await client.listens(user: "admin")
        }
        #expect(refused.status == 429)
        #expect(refused.answer == .rateLimited(resetIn: 7))
        #expect(refused.answer.action == .retry(after: 7))
        #expect(refused.rateLimit?.remaining == 0)
    }

    @Test(
        arguments: [(nil, 401), ("wrong-token", 401), ("swingcache-demo-listenbrainz-token", 200)] as [(String?, Int)])
    func whenATokenIsRequiredOnlyTheRightOneIsAnswered(token: String?, status: Int) async throws {
        let clock = ManualClock()
        let exchange = try await withFixtureServer(FixtureServerOptions(listenBrainzRequireToken: true), clock: clock) {
            server in
            try await client(server, clock: clock, token: token).listens(user: "admin")
        }
        #expect(exchange.status == status)
        if status == 401 {
            #expect(exchange.answer == .unauthorized)
            #expect(exchange.answer.action == .disableForRun)
        }
    }

    @Test func theUserIsEscapedInThePathAndTheTokenSent() async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, #"{"payload":{"count":0,"listens":[]}}"#) }
        let client = ListenBrainzClient(token: try ProviderCredential("tok", for: .listenbrainz), transport: transport)
        let exchange = await client.listens(user: "a b/c?d", count: 5000, maxTimestamp: 1_795_000_000)
        #expect(exchange.answer == .found([]))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(
            request.url.absoluteString
                == "https://api.listenbrainz.org/1/user/a%20b%2Fc%3Fd/listens?count=1000&max_ts=1795000000")
        #expect(request.headers["Authorization"] == "Token tok")
    }

    @Test(
        arguments: [
            (
                #""mbid_mapping":{"recording_mbid":"AAAAAAAA-0000-4000-8000-000000000001"},"additional_info":{"recording_mbid":"aaaaaaaa-0000-4000-8000-000000000002"}"#,
                "aaaaaaaa-0000-4000-8000-000000000001"
            ),
            (
                #""additional_info":{"recording_mbid":"aaaaaaaa-0000-4000-8000-000000000002","tracknumber":3}"#,
                "aaaaaaaa-0000-4000-8000-000000000002"
            ),
            (#""additional_info":{"recording_mbid":""},"mbid_mapping":null"#, nil),
            (#""additional_info":{"recording_mbid":7}"#, nil),
        ] as [(String, String?)])
    func theMappedRecordingWinsOverTheSubmittedOne(metadata: String, mbid: String?) async throws {
        let body = #"""
            {"payload":{"count":1,"user_id":"rj","listens":[{"listened_at":1795400000,"track_metadata":
            {"artist_name":"Cher","track_name":"Believe",\#(metadata)}}]}}
            """#
        let transport = ScriptedTransport { _ in jsonResponse(200, body) }
        let exchange = await ListenBrainzClient(transport: transport).listens(user: "rj")
        #expect(
            exchange.answer
                == .found([
                    Listen(
                        source: .listenbrainz, artist: "Cher", title: "Believe", recordingMBID: mbid,
                        timestamp: 1_795_400_000)
                ]))
    }

    @Test(arguments: [
        (200, "<html>", "malformed"), (200, #"{"payload":{}}"#, "malformed"),
        (400, #"{"code":400,"error":"bad"}"#, "badRequest"),
        (502, "", "serverError"), (418, "", "unexpectedStatus"),
    ])
    func otherAnswersAreClassified(status: Int, body: String, kind: String) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(status, body) }
        let exchange = await ListenBrainzClient(transport: transport).listens(user: "rj")
        #expect("\(exchange.answer)".hasPrefix(kind))
        #expect(exchange.answer.action == (kind == "serverError" ? .retry(after: nil) : .skip))
    }

    @Test func aBlankUserIsRefusedWithoutARequest() async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, "{}") }
        let exchange = await ListenBrainzClient(transport: transport).listens(user: " ")
        guard case .invalidRequest = exchange.answer else {
            Issue.record("expected a local error, got \(exchange.answer)")
            return
        }
        #expect(!exchange.reachedNetwork)
        #expect(transport.requests.isEmpty)
    }
}
