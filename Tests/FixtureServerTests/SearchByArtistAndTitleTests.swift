import FixtureServer
import Foundation
import Testing

@Suite struct SearchByArtistAndTitleTests {
    /// Items of the track page of `/v1/search?q=<encodedQuery>&type=track`.
    static func candidates(_ encodedQuery: String, client: FixtureClient) async throws -> [[String: Any]] {
        let exchange = try await client.get(
            "/v1/search?q=\(encodedQuery)&type=track&limit=10", token: try await client.accessToken())
        #expect(exchange.status == 200)
        return try #require((exchange.object["tracks"] as? [String: Any])?["items"] as? [[String: Any]])
    }

    /// JSON text with sorted keys, to compare parsed answers whole.
    static func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }

    static func artistNames(_ track: [String: Any]) -> [String] {
        (track["artists"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test(arguments: [
        ("track%3A%22Believe%22%20artist%3A%22Cher%22", "Cher", "Believe"),
        ("track:%22Believe%22+artist:%22Cher%22", "Cher", "Believe"),
        ("track%3ABelieve%20artist%3ACher", "Cher", "Believe"),
        ("artist:%22Cher%22%20track:%22Believe%22%20album:%22Believe%22", "Cher", "Believe"),
        ("track:Hey+Boy+Hey+Girl+artist:The+Chemical+Brothers", "The Chemical Brothers", "Hey Boy Hey Girl"),
        ("track:%22Rock%2BRoll%22%20artist:%22Sigur%20R%C3%B3s%22", "Sigur Rós", "Rock+Roll"),
    ])
    func theExactCandidateHasTheQueriedNamesAndTheDerivedDuration(
        encodedQuery: String, artist: String, title: String
    ) async throws {
        try await withFixtureServer { client in
            let items = try await Self.candidates(encodedQuery, client: client)
            let exact = items.filter { $0["name"] as? String == title && Self.artistNames($0) == [artist] }
            #expect(exact.count == 1)
            #expect(
                exact.first?["duration_ms"] as? Int == FixtureCatalog.searchDurationMs(artist: artist, title: title))
            #expect(items.count >= 2)
        }
    }

    @Test func nearMissesAreALiveVersionOfAnotherLengthAndSometimesARemaster() async throws {
        try await withFixtureServer { client in
            var sawRemaster = false
            var sawNearMissFirst = false
            for number in 1...20 {
                let title = "Song \(number)"
                let items = try await Self.candidates(
                    "track:%22Song%20\(number)%22%20artist:%22Ada%20Vale%22", client: client)
                let names = items.compactMap { $0["name"] as? String }
                let live = try #require(items.first { $0["name"] as? String == "\(title) - Live" })
                #expect(
                    live["duration_ms"] as? Int != FixtureCatalog.searchDurationMs(artist: "Ada Vale", title: title))
                #expect(names.filter { $0 == title }.count == 1)
                sawRemaster = sawRemaster || names.contains { $0.hasPrefix("\(title) (Remastered ") }
                sawNearMissFirst = sawNearMissFirst || names.first != title
            }
            #expect(sawRemaster)
            #expect(sawNearMissFirst)
        }
    }

    @Test func anAmbiguousTitleFindsTwoTakesThreeAndAHalfSecondsApart() async throws {
        try await withFixtureServer { client in
            let items = try await Self.candidates("track:%22Ambiguous%20Love%22%20artist:%22Cher%22", client: client)
            let exact = items.filter { $0["name"] as? String == "Ambiguous Love" && Self.artistNames($0) == ["Cher"] }
            #expect(exact.count == 2)
            #expect(Set(exact.compactMap { $0["id"] as? String }).count == 2)
            let duration = FixtureCatalog.searchDurationMs(artist: "Cher", title: "Ambiguous Love")
            #expect(Set(exact.compactMap { $0["duration_ms"] as? Int }) == [duration, duration + 3_500])
        }
    }

    @Test func aNomatchTitleFindsNothing() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get(
                "/v1/search?q=track:%22Nomatch%20Here%22%20artist:%22Cher%22&type=track",
                token: try await client.accessToken())
            let page = try #require(exchange.object["tracks"] as? [String: Any])
            #expect(page["total"] as? Int == 0)
            #expect((page["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func everyCandidateIsTheSameWhenFetchedByIDOneByOneOrInABatch() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let search = try await client.get(
                "/v1/search?q=track:%22Believe%22%20artist:%22Cher%22&type=track", token: token)
            let page = try #require(search.object["tracks"] as? [String: Any])
            let items = try #require(page["items"] as? [Any])
            let ids = try items.map { try #require(($0 as? [String: Any])?["id"] as? String) }
            for (id, item) in zip(ids, items) {
                let fetched = try await client.get("/v1/tracks/\(id)", token: token)
                #expect(fetched.status == 200)
                #expect(try Self.canonical(fetched.object) == Self.canonical(item))
            }
            let batch = try await client.get("/v1/tracks?ids=\(ids.joined(separator: ","))", token: token)
            #expect(try Self.canonical(batch.object["tracks"] ?? []) == Self.canonical(items))

            let first = try #require(items.first as? [String: Any])
            let artistID = try #require((first["artists"] as? [[String: Any]])?.first?["id"] as? String)
            let artist = try await client.get("/v1/artists/\(artistID)", token: token)
            #expect(artist.object["name"] as? String == "Cher")
        }
    }

    @Test func aQueryWithoutArtistFindsTheTitleByAMadeUpArtistWithTheArtistlessDuration() async throws {
        try await withFixtureServer { client in
            let items = try await Self.candidates("Believe", client: client)
            let exact = try #require(items.first { $0["name"] as? String == "Believe" })
            #expect(exact["duration_ms"] as? Int == FixtureCatalog.searchDurationMs(artist: "", title: "Believe"))
            #expect(Self.artistNames(exact).count == 1)
        }
    }

    @Test func queriesThatDifferOnlyInCaseShareTheDurationButEachKeepsItsOwnObject() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let upper = try await Self.candidates("track:%22Believe%22%20artist:%22Cher%22", client: client)
            let lower = try await Self.candidates("track:%22believe%22%20artist:%22cher%22", client: client)
            let upperExact = try #require(upper.first { $0["name"] as? String == "Believe" })
            let lowerExact = try #require(lower.first { $0["name"] as? String == "believe" })
            #expect(upperExact["duration_ms"] as? Int == lowerExact["duration_ms"] as? Int)
            let upperID = try #require(upperExact["id"] as? String)
            #expect(upperID != lowerExact["id"] as? String)
            let fetched = try await client.get("/v1/tracks/\(upperID)", token: token)
            #expect(fetched.object["name"] as? String == "Believe")
        }
    }

    @Test func theSameSearchGivesTheSameBytesOnAnotherServer() async throws {
        let path = "/v1/search?q=track:%22Believe%22%20artist:%22Cher%22&type=track&market=US"
        let first = try await withFixtureServer { client in
            try await client.get(path, token: try await client.accessToken())
        }
        let second = try await withFixtureServer { client in
            try await client.get(path, token: try await client.accessToken())
        }
        #expect(first.body == second.body)
    }
}
