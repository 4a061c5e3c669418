import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// The Last.fm client against the fixture server over real HTTP on 127.0.0.1, and scripted answers for what the
/// server cannot stage.
@Suite struct LastFMClientTests {
    static let demoKey = "swingcache-demo-lastfm-key"

    func client(
        _ server: RunningFixtureServer, key: String = demoKey, transport: any HTTPTransport = AsyncHTTPClientTransport()
    ) throws -> LastFMClient {
        LastFMClient(
            root: try server.root(of: .lastfm), apiKey: try ProviderCredential(key, for: .lastfm), transport: transport)
    }

    func scriptedClient(_ transport: ScriptedTransport) throws -> LastFMClient {
        LastFMClient(
            root: try url("https://ws.audioscrobbler.example"),
            apiKey: try ProviderCredential(Self.demoKey, for: .lastfm), transport: transport)
    }

    @Test func aLookupByArtistAndTitleReadsCountsThatArriveAsStrings() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).trackInfo(artist: "Cher", track: "Believe")
        }
        #expect(exchange.status == 200)
        #expect(exchange.reachedNetwork)
        guard case .found(let info) = exchange.answer else {
            Issue.record("expected a track, got \(exchange.answer)")
            return
        }
        #expect(info.name == "Believe")
        #expect(info.artist == "Cher")
        #expect(info.url == "https://www.last.fm/music/Cher/_/Believe")
        #expect(info.playcount == FixtureCatalog.lastFMPlaycount(artist: "Cher", track: "Believe"))
        let listeners = try #require(info.listeners)
        #expect(listeners > 0 && listeners <= info.playcount ?? 0)
        #expect(info.userPlaycount == nil, "no username, no user playcount")
        #expect(exchange.answer.action == .store)
    }

    @Test(arguments: [("rj", "Cher", "Believe"), ("mira", "Ada Vale", "Neon Harbour"), ("x", "Björk", "Jóga")])
    func aUsernameAddsThatUsersPlaycount(username: String, artist: String, title: String) async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).trackInfo(artist: artist, track: title, username: username)
        }
        guard case .found(let info) = exchange.answer else {
            Issue.record("expected a track, got \(exchange.answer)")
            return
        }
        #expect(
            info.userPlaycount == FixtureCatalog.lastFMUserPlaycount(username: username, artist: artist, track: title))
    }

    @Test func namesWithPlusAmpersandAndEqualsSignsArriveAsWritten() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).trackInfo(artist: "Mumford + Sons", track: "A & B = C?")
        }
        guard case .found(let info) = exchange.answer else {
            Issue.record("expected a track, got \(exchange.answer)")
            return
        }
        #expect(info.artist == "Mumford + Sons")
        #expect(info.name == "A & B = C?")
        #expect(info.playcount == FixtureCatalog.lastFMPlaycount(artist: "Mumford + Sons", track: "A & B = C?"))
    }

    @Test func aLookupByRecordingMBIDAnswersForThatRecording() async throws {
        let mbid = try #require(FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303").first)
        let exchange = try await withFixtureServer { server in
            try await client(server).trackInfo(mbid: mbid.uppercased(), username: "rj")
        }
        guard case .found(let info) = exchange.answer else {
            Issue.record("expected a track, got \(exchange.answer)")
            return
        }
        #expect(info.mbid == mbid)
        #expect(info.userPlaycount != nil)
    }

    @Test func aSingleTopTagObjectAndATagListBothBecomeLists() async throws {
        let tagCounts = try await withFixtureServer { server in
            let client = try client(server)
            var counts: Set<Int> = []
            for number in 1...40 {
                guard
                    case .found(let info) = await client.trackInfo(artist: "Mira Kestrel", track: "Song \(number)")
                        .answer
                else { continue }
                counts.insert(info.topTags.count)
            }
            return counts
        }
        // The fixture server writes a track's only tag as an object: a count of one can only come from that shape.
        #expect(tagCounts.contains(1))
        #expect(tagCounts.contains { $0 > 1 })
    }

    struct ServerErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let options: FixtureServerOptions
        let key: String
        let artist: String
        let track: String
        let status: Int
        let answer: LastFMAnswer
        let action: OutboundAction
        var testDescription: String { name }
    }

    static let serverErrorCases = [
        ServerErrorCase(
            name: "an unknown track is error 6 inside a 200", options: FixtureServerOptions(), key: demoKey,
            artist: "Cher", track: "Unknown Song", status: 200, answer: .notFound, action: .rememberMissing),
        ServerErrorCase(
            name: "an unknown key is error 10 with 403", options: FixtureServerOptions(), key: "nope", artist: "Cher",
            track: "Believe", status: 403, answer: .badKey(code: 10), action: .disableForRun),
        ServerErrorCase(
            name: "a suspended key is error 26 with 403", options: FixtureServerOptions(), key: "suspended-key",
            artist: "Cher", track: "Believe", status: 403, answer: .badKey(code: 26), action: .disableForRun),
        ServerErrorCase(
            name: "too many requests is error 29 with 429", options: FixtureServerOptions(lastFMRateLimitEvery: 1),
            key: demoKey, artist: "Cher", track: "Believe", status: 429, answer: .rateLimited,
            action: .throttle),
        ServerErrorCase(
            name: "a temporary error is error 16 with 500", options: FixtureServerOptions(lastFMTemporaryErrorRate: 1),
            key: demoKey, artist: "Cher", track: "Believe", status: 500, answer: .temporaryFailure(code: 16),
            action: .retry(after: nil)),
    ]

    @Test(arguments: serverErrorCases)
    func errorsAreReadFromTheBodyWhateverTheStatus(_ errorCase: ServerErrorCase) async throws {
        let exchange = try await withFixtureServer(errorCase.options) { server in
            try await client(server, key: errorCase.key).trackInfo(artist: errorCase.artist, track: errorCase.track)
        }
        #expect(exchange.status == errorCase.status)
        #expect(exchange.answer == errorCase.answer)
        #expect(exchange.answer.action == errorCase.action)
        #expect(exchange.reachedNetwork)
    }

    @Test func anUnknownRecordingMBIDIsNotFound() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).trackInfo(mbid: "32ca187e-ee25-4f18-b7d0-3b6713f24635")
        }
        #expect(exchange.status == 200)
        #expect(exchange.answer == .notFound)
    }

    @Test(arguments: [
        (6, LastFMAnswer.notFound), (8, .temporaryFailure(code: 8)), (11, .temporaryFailure(code: 11)),
        (16, .temporaryFailure(code: 16)), (29, .rateLimited), (10, .badKey(code: 10)), (26, .badKey(code: 26)),
        (3, .failed(code: 3, message: "Invalid Method")), (13, .failed(code: 13, message: "Invalid Method")),
    ])
    func everyErrorCodeHasItsClassification(code: Int, answer: LastFMAnswer) {
        #expect(LastFMClient.answer(forErrorCode: code, message: "Invalid Method") == answer)
    }

    @Test(arguments: [
        (
            200, #"{"error":11,"message":"Service Offline - This service is temporarily offline"}"#,
            LastFMAnswer.temporaryFailure(code: 11)
        ),
        (502, "Bad Gateway", .serverError(status: 502)),
        (429, "", .rateLimited),
        (404, "", .unexpectedStatus(404)),
    ])
    func answersTheServerCannotStageAreClassifiedToo(status: Int, body: String, answer: LastFMAnswer) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(status, body) }
        let exchange = try await scriptedClient(transport).trackInfo(artist: "Cher", track: "Believe")
        #expect(exchange.answer == answer)
        #expect(exchange.status == status)
    }

    @Test(arguments: [
        #"{"track":{"name":"Believe","artist":{"name":"Cher"},"playcount":"12"#, "<html>oops</html>",
        #"{"track":{"artist":{"name":"Cher"}}}"#,
    ])
    func aBodyThatIsNotATrackIsMalformedAndTheItemSkipped(body: String) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, body) }
        let exchange = try await scriptedClient(transport).trackInfo(artist: "Cher", track: "Believe")
        #expect(
            exchange.answer
                == .malformed("the track.getInfo answer has no readable 'track' (\(body.utf8.count) bytes)"))
        #expect(exchange.answer.action == .skip)
    }

    @Test func aSingleTagObjectAndStringCountsAndAnArtistStringAreRead() async throws {
        let body = #"""
            {"track":{"name":"Believe","mbid":"","url":"https://www.last.fm/music/Cher/_/Believe","artist":"Cher",
            "listeners":"1001","playcount":4004,"userplaycount":"7","toptags":{"tag":{"name":"pop","url":"u"}}}}
            """#
        let transport = ScriptedTransport { _ in jsonResponse(200, body) }
        let exchange = try await scriptedClient(transport).trackInfo(artist: "Cher", track: "Believe", username: "rj")
        #expect(
            exchange.answer
                == .found(
                    LastFMTrackInfo(
                        name: "Believe", artist: "Cher", mbid: nil, url: "https://www.last.fm/music/Cher/_/Believe",
                        playcount: 4004, listeners: 1001, userPlaycount: 7, topTags: ["pop"])))
    }

    @Test(arguments: [("", "Believe"), ("Cher", ""), ("   ", "Believe"), ("Cher", "  ")])
    func aBlankArtistOrTitleIsRefusedWithoutARequest(artist: String, track: String) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, "{}") }
        let exchange = try await scriptedClient(transport).trackInfo(artist: artist, track: track)
        guard case .invalidRequest(let reason) = exchange.answer else {
            Issue.record("expected a local error, got \(exchange.answer)")
            return
        }
        #expect(reason.contains("Last.fm track.getInfo needs an artist and a track"))
        #expect(!exchange.reachedNetwork)
        #expect(exchange.status == 0)
        #expect(transport.requests.isEmpty)
        let byMBID = try await scriptedClient(transport).trackInfo(mbid: " ")
        #expect(!byMBID.reachedNetwork)
        #expect(transport.requests.isEmpty)
    }

    @Test func theRequestCarriesTheKeyTheUserAgentAndAutocorrect() async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, #"{"error":6,"message":"Track not found"}"#) }
        let client = LastFMClient(
            root: try url("http://127.0.0.1:1/lastfm"), apiKey: try ProviderCredential("k3y", for: .lastfm),
            userAgent: try ProviderUserAgent(version: "0.9", contact: "ops@example.org"), transport: transport)
        _ = await client.trackInfo(artist: "Cher", track: "Believe", username: "rj")
        let request = try #require(transport.requests.first)
        #expect(request.headers["User-Agent"] == "swingcache/0.9 ( ops@example.org )")
        #expect(
            request.url.absoluteString
                == "http://127.0.0.1:1/lastfm/2.0/?method=track.getInfo&artist=Cher&track=Believe&autocorrect=1"
                + "&username=rj&api_key=k3y&format=json")
    }

    @Test func theKeyNeverAppearsInAFailedExchange() async throws {
        let key = "secret-lastfm-key-0123456789"
        let client = LastFMClient(
            root: try unreachableRoot(), apiKey: try ProviderCredential(key, for: .lastfm),
            transport: AsyncHTTPClientTransport(timeout: 2))
        let exchange = await client.trackInfo(artist: "Cher", track: "Believe")
        guard case .transportFailed = exchange.answer else {
            Issue.record("expected a transport failure, got \(exchange.answer)")
            return
        }
        #expect(exchange.answer.action == .retry(after: nil))
        #expect(!String(describing: exchange).contains(key))
        let leaking = ScriptedTransport { request in
            throw URLError(.timedOut, userInfo: [NSLocalizedDescriptionKey: "timed out: \(request.url)"])
        }
        let leaked = try await scriptedClient(leaking).trackInfo(artist: "Cher", track: "Believe")
        guard case .transportFailed(let message) = leaked.answer else {
            Issue.record("expected a transport failure, got \(leaked.answer)")
            return
        }
        #expect(message.contains("api_key=redacted"))
        #expect(!message.contains(Self.demoKey))
    }
}
