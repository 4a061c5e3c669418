import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// The Deezer client against the fixture server over real HTTP on 127.0.0.1, and scripted answers for Deezer's
/// quota error, which the server does not stage.
@Suite struct DeezerClientTests {
    func client(_ server: RunningFixtureServer) throws -> DeezerClient {
        DeezerClient(root: try server.root(of: .deezer), transport: AsyncHTTPClientTransport())
    }

    @Test func anISRCLookupFindsTheTrackWithItsIDAndLink() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).track(isrc: "usum71703861")
        }
        #expect(exchange.status == 200)
        #expect(exchange.request.endpoint == "GET /track/isrc:{isrc}")
        guard case .found(let track) = exchange.answer else {
            Issue.record("expected a track, got \(exchange.answer)")
            return
        }
        let id = try #require(FixtureCatalog.deezerTrackID(forISRC: "USUM71703861"))
        #expect(track.id == id)
        #expect(track.link == "https://www.deezer.com/track/\(id)")
        #expect(track.isrc == "USUM71703861")
        #expect(!track.title.isEmpty)
        #expect((track.durationSeconds ?? 0) > 0)
    }

    @Test func theTrackCarriesDeezersRankTempoAndGain() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).track(isrc: "USUM71703861")
        }
        guard case .found(let track) = exchange.answer else {
            Issue.record("expected a track, got \(exchange.answer)")
            return
        }
        #expect((1_000...999_999).contains(try #require(track.rank)))
        #expect((70...170).contains(try #require(track.bpm)))
        #expect((-15 ... -3).contains(try #require(track.gain)))
    }

    @Test func aTempoOfZeroIsNoTempo() async throws {
        let body = #"{"id":1,"title":"t","link":"https://www.deezer.com/track/1","bpm":0,"rank":5}"#
        let exchange = await DeezerClient(transport: ScriptedTransport { _ in jsonResponse(200, body) })
            .track(isrc: "GBAAA9900303")
        #expect(
            exchange.answer
                == .found(
                    DeezerTrack(
                        id: 1, title: "t", link: "https://www.deezer.com/track/1", isrc: nil, durationSeconds: nil,
                        rank: 5, bpm: nil, gain: nil)))
    }

    @Test func anUnknownISRCIsADataExceptionInsideA200AndMeansNotFound() async throws {
        let exchange = try await withFixtureServer { server in
            try await client(server).track(isrc: "ZZAAA9900303")
        }
        #expect(exchange.status == 200)
        #expect(exchange.answer == .notFound)
        #expect(exchange.answer.action == .rememberMissing)
    }

    @Test(arguments: [
        (800, DeezerAnswer.notFound), (4, .rateLimited), (700, .temporaryFailure(code: 700)),
        (100, .failed(code: 100, message: "m")), (501, .failed(code: 501, message: "m")),
    ])
    func everyErrorCodeHasItsClassification(code: Int, answer: DeezerAnswer) {
        #expect(DeezerClient.answer(forErrorCode: code, message: "m") == answer)
    }

    @Test(arguments: [
        (200, #"{"error":{"type":"Exception","message":"Quota limit exceeded","code":4}}"#, DeezerAnswer.rateLimited),
        (200, #"{"error":{"type":"Exception","message":"Service busy","code":700}}"#, .temporaryFailure(code: 700)),
        (
            200, #"{"error":{"type":"ParameterException","message":"Wrong parameter","code":500}}"#,
            .failed(code: 500, message: "Wrong parameter")
        ),
        (503, "Service Unavailable", .serverError(status: 503)),
        (301, "", .unexpectedStatus(301)),
    ])
    func answersTheServerCannotStageAreClassified(status: Int, body: String, answer: DeezerAnswer) async throws {
        let exchange = await DeezerClient(transport: ScriptedTransport { _ in jsonResponse(status, body) })
            .track(isrc: "GBAAA9900303")
        #expect(exchange.answer == answer)
    }

    @Test func aQuotaAnswerWaitsOneWindow() {
        #expect(DeezerAnswer.rateLimited.action == .throttle)
    }

    @Test(arguments: [#"{"id":"x"}"#, "not json", #"{"title":"t"}"#])
    func aBodyThatIsNotATrackIsMalformed(body: String) async throws {
        let exchange = await DeezerClient(transport: ScriptedTransport { _ in jsonResponse(200, body) })
            .track(isrc: "GBAAA9900303")
        #expect(exchange.answer == .malformed("the Deezer answer is not a readable track (\(body.utf8.count) bytes)"))
    }

    @Test func theRequestGoesToTheISRCPathWithAnIdentifyingUserAgent() async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, "{}") }
        _ = await DeezerClient(transport: transport).track(isrc: " gbaaa9900303 ")
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://api.deezer.com/track/isrc:GBAAA9900303")
        #expect(request.headers["User-Agent"] == ProviderUserAgent.standard.headerValue)
        let blank = await DeezerClient(transport: transport).track(isrc: "")
        #expect(!blank.reachedNetwork)
        #expect(transport.requests.count == 1)
    }
}
