import FixtureServer
import Foundation
import Testing

@Suite struct LastFMTests {
    static let key = "swingcache-demo-lastfm-key"

    func trackInfo(_ extra: KeyValuePairs<String, String>) -> String {
        "/lastfm/2.0/?method=track.getInfo&" + queryString(extra) + "&format=json"
    }

    @Test func aTrackLookupAnswersNumbersAsStringsTheSameEveryTime() async throws {
        let path = trackInfo(["artist": "Cher", "track": "Believe", "api_key": Self.key, "autocorrect": "1"])
        let first = try await withFixtureServer { client in try await client.send(path) }
        let second = try await withFixtureServer { client in try await client.send(path) }
        #expect(first.status == 200)
        #expect(first.body == second.body)
        let track = try #require(first.object["track"] as? [String: Any])
        #expect(track["name"] as? String == "Believe")
        #expect(track["url"] as? String == "https://www.last.fm/music/Cher/_/Believe")
        let playcount = try #require(track["playcount"] as? String)
        #expect(Int(playcount) == FixtureCatalog.lastFMPlaycount(artist: "Cher", track: "Believe"))
        #expect((track["listeners"] as? String).flatMap { Int($0) } != nil)
        let duration = try #require(track["duration"] as? String)
        #expect(["0", String(FixtureCatalog.searchDurationMs(artist: "Cher", title: "Believe"))].contains(duration))
        #expect((track["artist"] as? [String: Any])?["name"] as? String == "Cher")
        #expect(track["toptags"] is [String: Any])
        #expect(track["userplaycount"] == nil)
    }

    @Test(arguments: [("rj", "Cher", "Believe"), ("mira", "Ada Vale", "Neon Harbour"), ("x", "Björk", "Jóga")])
    func theUsersPlaycountIsDerivedFromUserArtistAndTrackAndNeverAbovePlaycount(
        username: String, artist: String, title: String
    ) async throws {
        let path = trackInfo(["artist": artist, "track": title, "api_key": Self.key, "username": username])
        let exchange = try await withFixtureServer { client in try await client.send(path) }
        let track = try #require(exchange.object["track"] as? [String: Any])
        let userPlaycount = try #require((track["userplaycount"] as? String).flatMap { Int($0) })
        let playcount = try #require((track["playcount"] as? String).flatMap { Int($0) })
        #expect(
            userPlaycount == FixtureCatalog.lastFMUserPlaycount(username: username, artist: artist, track: title))
        #expect(userPlaycount <= playcount)
        #expect(["0", "1"].contains(track["userloved"] as? String))
    }

    @Test func someTracksHaveASingleTopTagAsAnObjectAndOthersAList() async throws {
        try await withFixtureServer { client in
            var shapes: Set<String> = []
            for number in 1...40 {
                let path = trackInfo(["artist": "Mira Kestrel", "track": "Song \(number)", "api_key": Self.key])
                let track = try #require(try await client.send(path).object["track"] as? [String: Any])
                let tag = (track["toptags"] as? [String: Any])?["tag"]
                if let single = tag as? [String: Any] {
                    #expect(single["name"] is String && single["url"] is String)
                    shapes.insert("object")
                } else if tag is [[String: Any]] {
                    shapes.insert("array")
                }
            }
            #expect(shapes == ["object", "array"])
        }
    }

    @Test func aLookupByRecordingMBIDNamesTheTrackOfItsISRC() async throws {
        let mbid = try #require(FixtureCatalog.recordingMBIDs(forISRC: "GBAAA9900303").first)
        try await withFixtureServer { client in
            let deezer = try await client.send("/deezer/track/isrc:GBAAA9900303")
            let exchange = try await client.send(trackInfo(["mbid": mbid, "api_key": Self.key]))
            let track = try #require(exchange.object["track"] as? [String: Any])
            #expect(track["mbid"] as? String == mbid)
            #expect(track["name"] as? String == deezer.object["title"] as? String)
        }
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let query: String
        let status: Int
        let code: Int
        let message: String
        var testDescription: String { name }
    }

    static let errorCases = [
        ErrorCase(
            name: "no key", query: "method=track.getInfo&artist=Cher&track=Believe", status: 403, code: 10,
            message: "Invalid API key - You must be granted a valid key by last.fm"),
        ErrorCase(
            name: "unknown key", query: "method=track.getInfo&artist=Cher&track=Believe&api_key=nope", status: 403,
            code: 10, message: "Invalid API key - You must be granted a valid key by last.fm"),
        ErrorCase(
            name: "suspended key", query: "method=track.getInfo&artist=Cher&track=Believe&api_key=suspended-key",
            status: 403, code: 26,
            message: "Suspended API key - Access for your account has been suspended, please contact Last.fm"),
        ErrorCase(
            name: "no track", query: "method=track.getInfo&artist=Cher&api_key=\(key)", status: 400, code: 6,
            message: "Invalid parameters - Your request is missing a required parameter"),
        ErrorCase(
            name: "no artist", query: "method=track.getInfo&track=Believe&api_key=\(key)", status: 400, code: 6,
            message: "Invalid parameters - Your request is missing a required parameter"),
        ErrorCase(
            name: "unknown track", query: "method=track.getInfo&artist=Cher&track=Unknown%20Song&api_key=\(key)",
            status: 200, code: 6, message: "Track not found"),
        ErrorCase(
            name: "unknown mbid",
            query: "method=track.getInfo&mbid=32ca187e-ee25-4f18-b7d0-3b6713f24635&api_key=\(key)", status: 200,
            code: 6, message: "Track not found"),
        ErrorCase(
            name: "unknown method", query: "method=track.scrobble&api_key=\(key)", status: 400, code: 3,
            message: "Invalid Method - No method with that name in this package"),
    ]

    @Test(arguments: errorCases)
    func errorsComeInTheBodyWithLastFMsOwnStatus(_ errorCase: ErrorCase) async throws {
        let exchange = try await withFixtureServer { client in
            try await client.send("/lastfm/2.0/?" + errorCase.query + "&format=json")
        }
        #expect(exchange.status == errorCase.status)
        #expect(exchange.object["error"] as? Int == errorCase.code)
        #expect(exchange.object["message"] as? String == errorCase.message)
    }

    @Test func everyNthRequestIsRateLimitedWithError29() async throws {
        let path = trackInfo(["artist": "Cher", "track": "Believe", "api_key": Self.key])
        try await withFixtureServer(FixtureServerOptions(lastFMRateLimitEvery: 2)) { client in
            var answers: [HTTPExchange] = []
            for _ in 1...4 { answers.append(try await client.send(path)) }
            #expect(answers.map(\.status) == [200, 429, 200, 429])
            #expect(
                answers[1].text
                    == #"{"message":"Rate Limit Exceeded - Your IP has made too many requests in a short period","error":29}"#
            )
        }
    }

    @Test func aTemporaryErrorRateOfOneAnswersEveryKeyedRequestError16() async throws {
        let options = FixtureServerOptions(lastFMTemporaryErrorRate: 1)
        try await withFixtureServer(options) { client in
            let exchange = try await client.send(
                trackInfo(["artist": "Cher", "track": "Believe", "api_key": Self.key]))
            #expect(exchange.status == 500)
            #expect(exchange.object["error"] as? Int == 16)
        }
    }

    @Test func theAcceptedKeyIsConfigurable() async throws {
        try await withFixtureServer(FixtureServerOptions(lastFMAPIKey: "mine")) { client in
            let accepted = try await client.send(trackInfo(["artist": "Cher", "track": "Believe", "api_key": "mine"]))
            let refused = try await client.send(trackInfo(["artist": "Cher", "track": "Believe", "api_key": Self.key]))
            #expect(accepted.status == 200)
            #expect(refused.object["error"] as? Int == 10)
        }
    }
}
