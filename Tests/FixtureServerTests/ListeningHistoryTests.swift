import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

/// The fake Last.fm `user.getRecentTracks` and ListenBrainz listens: their shapes, paging and errors, from the bundled
/// history or a `--history` file.
@Suite struct ListeningHistoryTests {
    static let key = "swingcache-demo-lastfm-key"

    static func recentTracksPath(_ user: String, _ extra: String = "") -> String {
        "/lastfm/2.0/?method=user.getRecentTracks&user=\(user)&api_key=\(key)&format=json\(extra)"
    }

    func recentTracks(_ exchange: HTTPExchange) throws -> [String: Any] {
        try #require(exchange.object["recenttracks"] as? [String: Any])
    }

    /// The library files' ISRCs (`Tests/Fixtures/SwingMusicLibrary`) whose recordings the bundled history names.
    static let libraryISRCs = ["GBUM71029604", "USQX91300108", "USQX91100341", "AUAP08000046"]

    @Test func theBundledHistoryCarriesRecordingIDsOfTheTestLibrarysISRCs() throws {
        let history = try FixtureHistory.bundled()
        let known = Set(Self.libraryISRCs.compactMap { FixtureCatalog.recordingMBIDs(forISRC: $0).first })
        let listens = history.lastfm.values.flatMap { $0 } + history.listenbrainz.values.flatMap { $0 }
        let mbids = Set(listens.compactMap(\.mbid).filter { !$0.isEmpty })
        #expect(
            mbids == known, "expected \(Self.libraryISRCs.map { ($0, FixtureCatalog.recordingMBIDs(forISRC: $0)) })")
        #expect(Set(history.lastfm.keys) == ["admin", "bob"])
        #expect(Set(history.listenbrainz.keys) == ["admin", "bob"])
    }

    @Test func theFirstPageOfAUserPlayingNowStartsWithThatTrackBeyondTheLimit() async throws {
        let exchange = try await withFixtureServer { client in
            try await client.send(Self.recentTracksPath("admin", "&limit=2"))
        }
        #expect(exchange.status == 200)
        let recent = try recentTracks(exchange)
        let tracks = try #require(recent["track"] as? [[String: Any]])
        #expect(tracks.count == 3)
        #expect((tracks[0]["@attr"] as? [String: String])?["nowplaying"] == "true")
        #expect(tracks[0]["date"] == nil)
        let date = try #require(tracks[1]["date"] as? [String: String])
        #expect(date["uts"] == "1795490600")
        #expect(date["#text"] == "24 Nov 2026, 03:23")
        #expect((tracks[1]["artist"] as? [String: String])?["#text"] == "Future")
        let attributes = try #require(recent["@attr"] as? [String: String])
        #expect(attributes == ["user": "admin", "page": "1", "perPage": "2", "totalPages": "5", "total": "9"])
    }

    @Test func aPageWithOneScrobbleWritesItAsAnObjectAndAPageBeyondTheEndAsAnEmptyList() async throws {
        let (single, beyond) = try await withFixtureServer { client in
            (
                try await client.send(Self.recentTracksPath("bob", "&limit=2&page=2")),
                try await client.send(Self.recentTracksPath("bob", "&limit=2&page=3"))
            )
        }
        let track = try #require(try recentTracks(single)["track"] as? [String: Any])
        #expect(track["name"] as? String == "September")
        #expect((try recentTracks(beyond)["track"] as? [Any])?.isEmpty == true)
    }

    @Test func anUnknownLastfmUserIsError6WithA404() async throws {
        let exchange = try await withFixtureServer { client in
            try await client.send(Self.recentTracksPath("nobody"))
        }
        #expect(exchange.status == 404)
        #expect(exchange.text == #"{"message":"User not found","error":6}"#)
    }

    @Test func listenBrainzAnswersNewestFirstWithTheMappedRecordingAndItsRateLimitHeaders() async throws {
        let exchange = try await withFixtureServer(clock: ManualClock()) { client in
            try await client.send("/listenbrainz/1/user/admin/listens")
        }
        #expect(exchange.status == 200)
        #expect(exchange.headers["x-ratelimit-remaining"] == "29")
        let payload = try #require(exchange.object["payload"] as? [String: Any])
        let listens = try #require(payload["listens"] as? [[String: Any]])
        let times = listens.compactMap { $0["listened_at"] as? Int }
        #expect(times == [1_795_496_000, 1_795_495_000, 1_795_490_000, 1_795_400_300, 1_795_400_000])
        #expect(payload["count"] as? Int == 5)
        let underPressure = try #require(listens.last?["track_metadata"] as? [String: Any])
        #expect(underPressure["artist_name"] as? String == "Queen, David Bowie")
        let mapping = try #require(underPressure["mbid_mapping"] as? [String: Any])
        #expect(mapping["recording_mbid"] as? String == FixtureCatalog.recordingMBIDs(forISRC: "GBUM71029604").first)
    }

    @Test func listenBrainzPagesByExclusiveTimestamps() async throws {
        let paths = [
            "count=2", "count=2&max_ts=1795490000", "count=2&min_ts=1795400000",
            "count=2&min_ts=1795400000&max_ts=1795496000", "count=5000",
        ]
        let pages = try await withFixtureServer { client in
            var pages: [[Int]] = []
            for query in paths {
                let exchange = try await client.send("/listenbrainz/1/user/ADMIN/listens?\(query)")
                let payload = exchange.object["payload"] as? [String: Any]
                pages.append(((payload?["listens"] as? [[String: Any]]) ?? []).compactMap { $0["listened_at"] as? Int })
            }
            return pages
        }
        #expect(
            pages == [
                [1_795_496_000, 1_795_495_000], [1_795_400_300, 1_795_400_000],
                [1_795_490_000, 1_795_400_300], [1_795_495_000, 1_795_490_000],
                [1_795_496_000, 1_795_495_000, 1_795_490_000, 1_795_400_300, 1_795_400_000],
            ])
    }

    @Test func anUnknownListenBrainzUserIsA404NamingThem() async throws {
        let exchange = try await withFixtureServer { client in
            try await client.send("/listenbrainz/1/user/nobody%20here/listens")
        }
        #expect(exchange.status == 404)
        #expect(exchange.text == #"{"code":404,"error":"Cannot find user: nobody here"}"#)
    }

    @Test func aHistoryFileReplacesTheBundledHistoryAndEveryRequestIsLogged() async throws {
        let folder = try TemporaryDirectory()
        let history = FixtureHistory(
            lastfm: ["carol": [FixtureHistory.Listen(artist: "Cher", title: "Believe", timestamp: 1_795_000_000)]],
            listenbrainz: [:])
        let file = folder.file("history.json")
        try history.write(toFile: file)
        let (carol, admin, log) = try await withFixtureServer(FixtureServerOptions(historyFile: file)) { client in
            (
                try await client.send(Self.recentTracksPath("carol")),
                try await client.send(Self.recentTracksPath("admin")),
                await client.server.requestLog()
            )
        }
        #expect(carol.status == 200)
        #expect(admin.status == 404, "the bundled users are gone")
        #expect(log.filter { $0.service == .lastfm && $0.path.contains("method=user.getRecentTracks") }.count == 2)
    }

    @Test(arguments: [#"{"lastfm": {"carol": [{"title": "Believe", "timestamp": 1}]}}"#, "not json"])
    func anUnreadableHistoryFileStopsTheServerFromStarting(contents: String) async throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("history.json", contents)
        do {
            try await FixtureServer.withRunning(options: FixtureServerOptions(historyFile: file)) { _ in }
            Issue.record("the server started with \(contents)")
        } catch let error as FixtureServerError {
            guard case .unreadableHistory(let path, _) = error else {
                Issue.record("expected an unreadable history, got \(error)")
                return
            }
            #expect(path == file)
            #expect(error.description.contains("listening history \(file) cannot be read"))
        }
    }
}
