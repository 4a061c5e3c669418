import EnrichmentAPI
import FixtureServer
import Foundation
import SpotifyAPI
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
                transport: URLSessionTransport(), now: { clock.now() })
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
