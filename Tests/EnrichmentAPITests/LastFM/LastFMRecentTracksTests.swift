import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// `user.getRecentTracks` against the fixture server over real HTTP on 127.0.0.1, and captured bodies for the shapes
/// and errors the server does not stage.
@Suite struct LastFMRecentTracksTests {
    static let demoKey = "swingcache-demo-lastfm-key"

    func client(_ server: RunningFixtureServer, key: String = demoKey) throws -> LastFMClient {
        LastFMClient(
            root: try server.root(of: .lastfm), apiKey: try ProviderCredential(key, for: .lastfm),
            transport: AsyncHTTPClientTransport())
    }

    func scriptedClient(_ transport: ScriptedTransport, key: String = demoKey) throws -> LastFMClient {
        LastFMClient(
            root: try url("https://ws.audioscrobbler.example"), apiKey: try ProviderCredential(key, for: .lastfm),
            transport: transport)
    }

    @Test func theDefaultHistoryIsReadNewestFirstWithoutTheTrackPlayingNow() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).recentTracks(user: "admin")
        }
        #expect(exchange.status == 200)
        guard case .found(let page) = exchange.answer else {
            Issue.record("expected a page, got \(exchange.answer)")
            return
        }
        let expected = try #require(FixtureHistory.bundled().lastfm["admin"]).filter { $0.timestamp != nil }
        #expect(page.listens.count == expected.count)
        #expect(page.listens.map(\.timestamp) == expected.compactMap(\.timestamp).sorted(by: >))
        #expect(page.page == 1 && page.totalPages == 1 && page.total == expected.count)
        #expect(page.listens.allSatisfy { $0.source == .lastfm })
        let underPressure = try #require(page.listens.last)
        #expect(underPressure.artist == "Queen & David Bowie")
        #expect(underPressure.title == "Under Pressure")
        #expect(underPressure.album == "Hot Space")
        #expect(underPressure.recordingMBID == FixtureCatalog.recordingMBIDs(forISRC: "GBUM71029604").first)
        #expect(page.listens.contains { $0.recordingMBID == nil }, "an empty mbid reads as none")
        #expect(exchange.answer.action == .store)
    }

    @Test func pagesAndTheTimeRangeSelectTheScrobbles() async throws {
        let folder = try TemporaryDirectory()
        let listens = FixtureHistory.minuteApartListens(7)
        let file = folder.file("history.json")
        try FixtureHistory(lastfm: ["rj": listens]).write(toFile: file)
        let (pages, ranged) = try await withFixtureServer(FixtureServerOptions(historyFile: file)) { server in
            let client = try client(server)
            var pages: [LastFMRecentTracksPage] = []
            for number in 1...4 {
                if case .found(let page) = await client.recentTracks(user: "RJ", page: number, limit: 3).answer {
                    pages.append(page)
                }
            }
            let ranged = await client.recentTracks(
                user: "rj", from: listens[2].timestamp, to: listens[4].timestamp)
            return (pages, ranged)
        }
        let newestFirst = listens.compactMap(\.timestamp).reversed().map { $0 }
        #expect(pages.map(\.listens.count) == [3, 3, 1, 0])
        #expect(pages.flatMap(\.listens).map(\.timestamp) == newestFirst)
        #expect(pages.allSatisfy { $0.totalPages == 3 && $0.total == 7 })
        guard case .found(let page) = ranged.answer else {
            Issue.record("expected a page, got \(ranged.answer)")
            return
        }
        #expect(page.listens.map(\.timestamp) == [4, 3, 2].compactMap { listens[$0].timestamp }, "both ends count")
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        var options = FixtureServerOptions()
        var key = LastFMRecentTracksTests.demoKey
        let user: String
        let status: Int
        let answer: LastFMHistoryAnswer
        let action: OutboundAction
        var testDescription: String { name }
    }

    static let errorCases = [
        ErrorCase(
            name: "an unknown user is error 6 with 404", user: "nobody-here", status: 404,
            answer: .userNotFound("User not found"), action: .skip),
        ErrorCase(
            name: "a private profile is error 17", user: "private-user", status: 403,
            answer: .privateProfile("Login: User required to be logged in"), action: .skip),
        ErrorCase(
            name: "too many requests is error 29", options: FixtureServerOptions(lastFMRateLimitEvery: 1),
            user: "admin", status: 429, answer: .rateLimited, action: .throttle),
        ErrorCase(
            name: "an unknown key is error 10", key: "nope", user: "admin", status: 403, answer: .badKey(code: 10),
            action: .disableForRun),
        ErrorCase(
            name: "a suspended key is error 26", key: "suspended-key", user: "admin", status: 403,
            answer: .badKey(code: 26), action: .disableForRun),
        ErrorCase(
            name: "a temporary error is error 16", options: FixtureServerOptions(lastFMTemporaryErrorRate: 1),
            user: "admin", status: 500, answer: .temporaryFailure(code: 16), action: .retry(after: nil)),
    ]

    @Test(arguments: errorCases)
    func errorsAreReadFromTheBody(_ errorCase: ErrorCase) async throws {
        let exchange = try await withFixtureServer(errorCase.options) { server in
            try await client(server, key: errorCase.key).recentTracks(user: errorCase.user)
        }
        #expect(exchange.status == errorCase.status)
        #expect(exchange.answer == errorCase.answer)
        #expect(exchange.answer.action == errorCase.action)
    }

    @Test(arguments: [
        (6, LastFMHistoryAnswer.userNotFound("m")), (17, .privateProfile("m")), (8, .temporaryFailure(code: 8)),
        (11, .temporaryFailure(code: 11)), (16, .temporaryFailure(code: 16)), (29, .rateLimited),
        (10, .badKey(code: 10)), (26, .badKey(code: 26)), (3, .failed(code: 3, message: "m")),
    ])
    func everyErrorCodeHasItsClassification(code: Int, answer: LastFMHistoryAnswer) {
        #expect(LastFMClient.historyAnswer(forErrorCode: code, message: "m") == answer)
    }

    @Test func aSingleScrobbleArrivesAsAnObjectAndIsRead() async throws {
        let body = #"""
            {"recenttracks":{"track":{"artist":{"mbid":"","#text":"Cher"},"mbid":"3AF1B1E5-5C47-4C32-8B8A-3B8A4B0F9D5E",
            "album":{"mbid":"","#text":""},"name":"Believe","date":{"uts":"1795400000","#text":"17 Nov 2026, 09:33"}},
            "@attr":{"user":"rj","totalPages":"1","page":"1","perPage":"200","total":"1"}}}
            """#
        let exchange = try await scriptedClient(ScriptedTransport { _ in jsonResponse(200, body) })
            .recentTracks(user: "rj")
        #expect(
            exchange.answer
                == .found(
                    LastFMRecentTracksPage(
                        listens: [
                            Listen(
                                source: .lastfm, artist: "Cher", title: "Believe",
                                recordingMBID: "3af1b1e5-5c47-4c32-8b8a-3b8a4b0f9d5e", timestamp: 1_795_400_000)
                        ], page: 1, totalPages: 1, total: 1)))
    }

    @Test(arguments: [
        #"{"recenttracks":{"track":[],"@attr":{"user":"rj","totalPages":"0","page":"1","perPage":"50","total":"0"}}}"#,
        #"{"recenttracks":{"@attr":{"user":"rj","totalPages":"0","page":"1","perPage":"50","total":"0"}}}"#,
        #"""
        {"recenttracks":{"track":{"@attr":{"nowplaying":"true"},"artist":{"#text":"Cher"},"name":"Believe",
        "album":{"#text":"Believe"},"mbid":""},"@attr":{"totalPages":"0","page":"1","perPage":"50","total":"0"}}}
        """#,
    ])
    func anEmptyHistoryIsAnEmptyPage(body: String) async throws {
        let exchange = try await scriptedClient(ScriptedTransport { _ in jsonResponse(200, body) })
            .recentTracks(user: "rj")
        #expect(exchange.answer == .found(LastFMRecentTracksPage(listens: [], page: 1, totalPages: 0, total: 0)))
    }

    @Test(arguments: [
        "<html>oops</html>", #"{"recenttracks":{"track":[]}}"#,
        ##"{"recenttracks":{"track":[{"artist":{"#text":"Cher"},"name":"Believe"}],"@attr":{"page":"1","totalPages":"1"}}}"##,
    ])
    func anUnreadableAnswerIsMalformedAndSkipped(body: String) async throws {
        let exchange = try await scriptedClient(ScriptedTransport { _ in jsonResponse(200, body) })
            .recentTracks(user: "rj")
        guard case .malformed = exchange.answer else {
            Issue.record("expected a malformed answer, got \(exchange.answer)")
            return
        }
        #expect(exchange.answer.action == .skip)
    }

    @Test func theRequestNamesUserPageLimitAndRangeAndTheKeyNeverAppearsInAMessage() async throws {
        let key = "secret-lastfm-key-0123456789"
        let transport = ScriptedTransport { _ in
            jsonResponse(
                400, #"{"error":13,"message":"Invalid method signature for api_key secret-lastfm-key-0123456789"}"#)
        }
        let exchange = try await scriptedClient(transport, key: key)
            .recentTracks(user: "Ann Lee", page: 2, limit: 500, from: 10, to: 20)
        let request = try #require(transport.requests.first)
        #expect(
            request.url.absoluteString
                == "https://ws.audioscrobbler.example/2.0/?method=user.getRecentTracks&user=Ann%20Lee&limit=200&page=2"
                + "&from=10&to=20&api_key=\(key)&format=json")
        #expect(exchange.answer == .failed(code: 13, message: "Invalid method signature for api_key redacted"))
        #expect(!String(describing: exchange).contains(key))
    }

    @Test(arguments: [("", 1), ("  ", 1), ("rj", 0)])
    func aBlankUserOrAPageBelowOneIsRefusedWithoutARequest(user: String, page: Int) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, "{}") }
        let exchange = try await scriptedClient(transport).recentTracks(user: user, page: page)
        guard case .invalidRequest = exchange.answer else {
            Issue.record("expected a local error, got \(exchange.answer)")
            return
        }
        #expect(!exchange.reachedNetwork)
        #expect(transport.requests.isEmpty)
    }
}
