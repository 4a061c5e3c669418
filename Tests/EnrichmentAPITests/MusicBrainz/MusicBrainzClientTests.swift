import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// The MusicBrainz client against the fixture server over real HTTP on 127.0.0.1. The server's one-second rule runs
/// on a manual clock, so tests step time instead of sleeping.
@Suite struct MusicBrainzClientTests {
    let userAgent: ProviderUserAgent
    /// ISRCs in a stable order, to search for one with a given property.
    static let isrcs = (0..<200).map { "GBAAA99" + String(format: "%05d", $0) }

    init() throws {
        userAgent = try ProviderUserAgent(contact: "dev@example.org")
    }

    func client(
        _ server: RunningFixtureServer, clock: ManualClock, transport: any HTTPTransport = AsyncHTTPClientTransport()
    ) throws -> MusicBrainzClient {
        MusicBrainzClient(
            root: try server.root(of: .musicbrainz), userAgent: userAgent, transport: transport,
            now: { clock.now() })
    }

    @Test func anISRCLookupListsItsRecordingsInMusicBrainzsOrder() async throws {
        let isrc = try #require(Self.isrcs.first { FixtureCatalog.recordingMBIDs(forISRC: $0).count == 2 })
        let clock = ManualClock()
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock).recordings(isrc: isrc.lowercased())
        }
        #expect(exchange.status == 200)
        #expect(exchange.request == .recordings(isrc: isrc.lowercased()))
        #expect(exchange.request.endpoint == "GET /ws/2/isrc/{isrc}")
        guard case .found(let recordings) = exchange.answer else {
            Issue.record("expected recordings, got \(exchange.answer)")
            return
        }
        #expect(recordings.map(\.mbid) == FixtureCatalog.recordingMBIDs(forISRC: isrc))
        #expect(recordings.allSatisfy { !$0.title.isEmpty && ($0.lengthMs ?? 0) > 0 })
        #expect(recordings.allSatisfy { $0.genres.isEmpty && $0.links.isEmpty }, "the ISRC resource has no genres")
    }

    @Test func aRecordingLookupReadsGenresTagsISRCsAndStreamingLinks() async throws {
        let clock = ManualClock()
        try await withFixtureServer(clock: clock) { server in
            let client = try client(server, clock: clock)
            var checked = false
            for isrc in Self.isrcs {
                clock.advance(by: 1)
                let mbid = try #require(FixtureCatalog.recordingMBIDs(forISRC: isrc).first)
                let exchange = await client.recording(mbid: mbid)
                guard case .found(let recording) = exchange.answer else {
                    Issue.record("expected a recording, got \(exchange.answer)")
                    return
                }
                #expect(recording.mbid == mbid)
                #expect(recording.isrcs == [isrc])
                #expect(recording.genres.allSatisfy { $0.count > 0 })
                let spotify =
                    "https://open.spotify.com/track/\(try #require(FixtureCatalog.spotifyTrackID(forISRC: isrc)))"
                let deezer = "https://www.deezer.com/track/\(try #require(FixtureCatalog.deezerTrackID(forISRC: isrc)))"
                let urls = recording.links.map(\.url)
                guard !recording.genres.isEmpty, urls.contains(spotify), urls.contains(deezer) else { continue }
                #expect(recording.links.contains(MusicBrainzLink(type: "free streaming", url: spotify)))
                #expect(Set(recording.genres.map(\.name)).isSubset(of: Set(recording.tags.map(\.name))))
                checked = true
                break
            }
            #expect(checked)
        }
    }

    @Test(arguments: [
        (MusicBrainzRequest.recordings(isrc: "ZZAAA9900303"), 404, "not found"),
        (.recording(mbid: "32ca187e-ee25-4f18-b7d0-3b6713f24635"), 404, "not found"),
        (.recordings(isrc: "GB-AAA-99"), 400, "Invalid isrc."),
        (.recording(mbid: "not-an-mbid"), 400, "Invalid mbid."),
    ])
    func unknownIDsAreNotFoundAndMalformedOnesBadRequests(
        request: MusicBrainzRequest, status: Int, message: String
    ) async throws {
        let clock = ManualClock()
        let (answerStatus, action, description) = try await withFixtureServer(clock: clock) { server in
            let client = try client(server, clock: clock)
            switch request {
            case .recordings(let isrc):
                let exchange = await client.recordings(isrc: isrc)
                return (exchange.status, exchange.answer.action, "\(exchange.answer)")
            case .recording(let mbid):
                let exchange = await client.recording(mbid: mbid)
                return (exchange.status, exchange.answer.action, "\(exchange.answer)")
            case .search(let query):
                let exchange = await client.searchRecordings(query: query)
                return (exchange.status, exchange.answer.action, "\(exchange.answer)")
            }
        }
        #expect(answerStatus == status)
        if status == 404 {
            #expect(description == "notFound")
            #expect(action == .rememberMissing)
        } else {
            #expect(description == "badRequest(\"\(message)\")")
            #expect(action == .skip)
        }
    }

    @Test func aRequestLessThanASecondAfterThePreviousOneMeetsBusy() async throws {
        let clock = ManualClock()
        let answers = try await withFixtureServer(clock: clock) { server in
            let client = try client(server, clock: clock)
            var answers: [MusicBrainzAnswer<[MusicBrainzRecording]>] = []
            answers.append(await client.recordings(isrc: "GBAAA9900303").answer)
            clock.advance(by: 0.5)
            answers.append(await client.recordings(isrc: "GBAAA9900303").answer)
            clock.advance(by: MusicBrainzPolicy.standard.minInterval)
            answers.append(await client.recordings(isrc: "GBAAA9900303").answer)
            return answers
        }
        #expect(answers[1] == .busy)
        #expect(answers[1].action == .retry(after: 1))
        guard case .found = answers[0], case .found = answers[2] else {
            Issue.record("expected the paced requests to be answered, got \(answers)")
            return
        }
    }

    @Test func busyAnswersComeAtACompliantPaceToo() async throws {
        let clock = ManualClock()
        let exchange = try await withFixtureServer(FixtureServerOptions(musicBrainzBusyRate: 1), clock: clock) {
            server in
            try await client(server, clock: clock).recording(mbid: "32ca187e-ee25-4f18-b7d0-3b6713f24635")
        }
        #expect(exchange.status == 503)
        #expect(exchange.answer == .busy)
    }

    @Test func aGenericUserAgentIsForbiddenAndSwitchesMusicBrainzOff() async throws {
        let clock = ManualClock()
        let real = AsyncHTTPClientTransport()
        let generic = ScriptedTransport { request in
            var request = request
            request.headers["User-Agent"] = "python-requests/2.31.0"
            return try await real.send(request)
        }
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock, transport: generic).recordings(isrc: "GBAAA9900303")
        }
        #expect(exchange.status == 403)
        guard case .forbidden(let message) = exchange.answer else {
            Issue.record("expected forbidden, got \(exchange.answer)")
            return
        }
        #expect(message.hasPrefix("Your requests are being throttled by MusicBrainz"))
        #expect(exchange.answer.action == .disableForRun)
    }

    @Test func theClientIdentifiesItselfAsMusicBrainzRequires() async throws {
        let clock = ManualClock()
        let real = AsyncHTTPClientTransport()
        let recording = ScriptedTransport { try await real.send($0) }
        let exchange = try await withFixtureServer(clock: clock) { server in
            try await client(server, clock: clock, transport: recording).recording(
                mbid: try #require(FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303").first))
        }
        #expect(exchange.status == 200)
        let request = try #require(recording.requests.first)
        #expect(request.headers["User-Agent"] == "swingcache/1.0 ( dev@example.org )")
        #expect(request.url.query == "inc=genres+tags+isrcs+url-rels+artist-credits+aliases&fmt=json")
    }

    @Test(arguments: [
        (200, #"{"recordings":[{"id":"x"}"#), (200, "<html/>"), (502, "Bad Gateway"), (418, ""),
    ])
    func answersTheServerCannotStageAreClassified(status: Int, body: String) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(status, body) }
        let client = MusicBrainzClient(userAgent: userAgent, transport: transport)
        let answer = await client.recordings(isrc: "GBAAA9900303").answer
        switch status {
        case 200:
            #expect(
                answer == .malformed("the MusicBrainz answer is not a readable recording (\(body.utf8.count) bytes)"))
        case 502: #expect(answer == .serverError(status: 502))
        default: #expect(answer == .unexpectedStatus(418))
        }
    }

    /// MusicBrainz's own shape: the artist credited under another name on this recording, aliases in other scripts.
    @Test func aRecordingLookupReadsTheCreditedArtistsWithTheirSortNamesAndAliases() async throws {
        let body = #"""
            {"id":"5e3c5a8d-0b43-4c07-a5f0-8b0b1a3c2f11","title":"Rich Girl","length":144000,"aliases":[],
             "artist-credit":[{"name":"Hall & Oates","joinphrase":"","artist":{"id":"a1","name":"Daryl Hall & John Oates",
              "sort-name":"Hall, Daryl & Oates, John","disambiguation":"","aliases":[
               {"name":"Hall & Oates","sort-name":"Hall & Oates","locale":null,"type":"Search hint","primary":null},
               {"name":"ホール&オーツ","sort-name":"Hall & Oates","locale":"ja","type":"Artist name","primary":true}]}}]}
            """#
        let transport = ScriptedTransport { _ in jsonResponse(200, body) }
        let client = MusicBrainzClient(userAgent: userAgent, transport: transport)
        guard case .found(let recording) = await client.recording(mbid: "5e3c5a8d-0b43-4c07-a5f0-8b0b1a3c2f11").answer
        else {
            Issue.record("expected a recording")
            return
        }
        #expect(
            recording.artists == [
                KnownArtist(
                    name: "Daryl Hall & John Oates", sortName: "Hall, Daryl & Oates, John",
                    aliases: ["Hall & Oates", "ホール&オーツ"])
            ])
    }

    @Test func anEmptyIDIsRefusedWithoutARequest() async throws {
        let transport = ScriptedTransport { _ in jsonResponse(200, "{}") }
        let client = MusicBrainzClient(userAgent: userAgent, transport: transport)
        let exchange = await client.recording(mbid: "  ")
        #expect(exchange.answer == .invalidRequest("'  ' is not a MusicBrainz recording id"))
        #expect(!exchange.reachedNetwork)
        #expect(transport.requests.isEmpty)
    }
}
