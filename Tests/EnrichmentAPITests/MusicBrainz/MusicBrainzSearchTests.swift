import CacheStore
import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// The MusicBrainz recording search against the fixture server, and which of its hits is taken as a file's.
@Suite struct MusicBrainzSearchTests {
    static func hit(
        _ title: String, artist: String = "Cher", seconds: Int? = 239, score: Int = 100, mbid: String = "a"
    ) -> MusicBrainzSearchHit {
        MusicBrainzSearchHit(
            recording: MusicBrainzRecording(mbid: mbid, title: title, lengthMs: seconds.map { $0 * 1_000 }),
            score: score, artists: [artist])
    }

    static let believe = LocalTrack(title: "Believe", artists: ["Cher"], durationSeconds: 239)

    @Test func aSearchFindsTheFilesRecordingWithItsISRCAndTheHitIsTaken() async throws {
        let seconds = FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe") / 1_000
        let local = LocalTrack(title: "Believe", artists: ["Cher"], durationSeconds: seconds)
        let query = try #require(MusicBrainzRecordingQuery.text(for: local))
        let clock = ManualClock()
        let exchange = try await withFixtureServer(clock: clock) { server in
            let client = MusicBrainzClient(
                root: try server.root(of: .musicbrainz), userAgent: try ProviderUserAgent(contact: "dev@example.org"),
                transport: AsyncHTTPClientTransport(), now: { clock.now() })
            return await client.searchRecordings(query: query)
        }
        #expect(exchange.status == 200)
        #expect(exchange.request.endpoint == "GET /ws/2/recording?query")
        guard case .found(let hits) = exchange.answer else {
            Issue.record("expected hits, got \(exchange.answer)")
            return
        }
        let taken = try #require(MusicBrainzSearchHit.sameRecording(as: local, among: hits))
        #expect(taken.recording.title == "Believe")
        #expect(taken.score == 100)
        #expect(
            FixtureCatalog.recordingMBIDs(forISRC: try #require(taken.recording.isrcs.first)).first
                == taken.recording.mbid)
        #expect(hits.allSatisfy { $0.recording.genres.isEmpty && $0.recording.links.isEmpty })
    }

    @Test(arguments: [
        ("another artist", [hit("Believe", artist: "Madonna")]),
        ("30 s longer", [hit("Believe", seconds: 269)]),
        ("a live version", [hit("Believe (Live)")]),
        ("a low MusicBrainz score", [hit("Believe", score: 80)]),
        ("two different recordings alike", [hit("Believe", mbid: "a"), hit("Believe", mbid: "b")]),
    ])
    func aHitThatMayNotBeTheSameRecordingIsNotTaken(why: String, hits: [MusicBrainzSearchHit]) {
        #expect(MusicBrainzSearchHit.sameRecording(as: Self.believe, among: hits) == nil, "\(why)")
    }

    @Test func theSameRecordingIsTakenBeforeItsLiveVersion() {
        let hits = [Self.hit("Believe - Live", seconds: 300, mbid: "live"), Self.hit("Believe", seconds: 240)]
        #expect(MusicBrainzSearchHit.sameRecording(as: Self.believe, among: hits)?.recording.mbid == "a")
    }
}

/// What the search enricher stores from an answer: the file's recording and its genres, or that none was the file's.
@Suite struct MusicBrainzSearchEnricherTests {
    let enricher: MusicBrainzSearchEnricher
    let key = MusicBrainzSearchEnricher.Key(
        filepath: "/music/a.flac", fingerprint: "v1:a", track: MusicBrainzSearchTests.believe,
        query: #"recording:"Believe" AND artist:"Cher""#)
    let lifetimes = FactLifetimes(ttl: 30 * 86_400, missingTTL: 7 * 86_400)

    init() throws {
        let client = MusicBrainzClient(
            userAgent: try ProviderUserAgent(contact: "dev@example.org"),
            transport: ScriptedTransport { _ in jsonResponse(500, "") })
        enricher = MusicBrainzSearchEnricher(client: client)
    }

    @Test func noHitThatIsTheFilesRecordingIsRememberedAsNotFoundForItsTags() throws {
        let step = enricher.step(
            after: .found([MusicBrainzSearchTests.hit("Believe", artist: "Madonna")]), for: [key],
            lifetimes: lifetimes, now: .testEpoch)
        guard case .write(let facts) = step else {
            Issue.record("expected facts without a second request, got \(step)")
            return
        }
        let search = try #require(facts.facts.musicbrainzSearches.first)
        #expect(search.missing == .notFound)
        #expect(search.fingerprint == "v1:a")
        #expect(search.expiresAt == Date.testEpoch.addingTimeInterval(7 * 86_400))
        #expect(facts.facts.musicbrainzRecordings.isEmpty)
        #expect((facts.stored, facts.missing) == (0, 1))
    }

    @Test func aHitAsksForItsRecordingAndStoresItsGenresForTheFileAndItsISRC() throws {
        let step = enricher.step(
            after: .found([MusicBrainzSearchTests.hit("Believe", mbid: "m-1")]), for: [key], lifetimes: lifetimes,
            now: .testEpoch)
        guard case .ask(let detail, let then) = step else {
            Issue.record("expected the recording to be asked for, got \(step)")
            return
        }
        #expect(detail.detail == "m-1")
        let recording = MusicBrainzRecording(
            mbid: "m-1", title: "Believe",
            genres: [
                MusicBrainzTag(name: "dance-pop", count: 1),
                MusicBrainzTag(name: "synthpop", count: 5),
            ],
            tags: [MusicBrainzTag(name: "synthpop", count: 5)], isrcs: ["GBAAA9800001"],
            links: [MusicBrainzLink(type: "streaming", url: "https://music.apple.com/us/song/1")])
        let facts = then(.found(recording), .testEpoch)
        let search = try #require(facts.facts.musicbrainzSearches.first)
        #expect(search.mbid == "m-1")
        #expect(search.isrc == "GBAAA9800001")
        #expect(search.genres == ["synthpop", "dance-pop"], "most voted first")
        let byISRC = try #require(facts.facts.musicbrainzRecordings.first)
        #expect(byISRC.isrc == "GBAAA9800001")
        #expect(byISRC.genres == search.genres)
        #expect(byISRC.links == [PlatformLink(platform: "apple-music", url: "https://music.apple.com/us/song/1")])
    }

    @Test func aHitWithoutAnISRCKeepsItsGenresForTheFileAlone() throws {
        guard
            case .ask(_, let then) = enricher.step(
                after: .found([MusicBrainzSearchTests.hit("Believe", mbid: "m-1")]), for: [key],
                lifetimes: lifetimes, now: .testEpoch)
        else {
            Issue.record("expected the recording to be asked for")
            return
        }
        let facts = then(
            .found(
                MusicBrainzRecording(mbid: "m-1", title: "Believe", genres: [MusicBrainzTag(name: "pop", count: 1)])),
            .testEpoch)
        #expect(facts.facts.musicbrainzSearches.first?.isrc == nil)
        #expect(facts.facts.musicbrainzSearches.first?.genres == ["pop"])
        #expect(facts.facts.musicbrainzRecordings.isEmpty)
    }
}
