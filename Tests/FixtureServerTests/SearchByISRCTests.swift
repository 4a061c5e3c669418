import FixtureServer
import Foundation
import Testing

@Suite struct SearchByISRCTests {
    @Test func aGeneratedHitIsOneTrackCarryingThatISRCTheSameEveryTime() async throws {
        let query = "/v1/search?q=isrc%3AUSUM71703861&type=track&limit=1&market=US"
        let first = try await withFixtureServer { client in
            try await client.get(query, token: try await client.accessToken())
        }
        let second = try await withFixtureServer { client in
            try await client.get(query, token: try await client.accessToken())
        }
        #expect(first.status == 200)
        #expect(first.body == second.body)
        let page = try #require(first.object["tracks"] as? [String: Any])
        #expect(page["total"] as? Int == 1)
        #expect(page["limit"] as? Int == 1)
        #expect(page["offset"] as? Int == 0)
        #expect(page["next"] is NSNull)
        let items = try #require(page["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect((items.first?["external_ids"] as? [String: Any])?["isrc"] as? String == "USUM71703861")
    }

    @Test func theTrackFoundByISRCIsTheSameWhenFetchedByID() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let search = try await client.get("/v1/search?q=isrc:GBAYE0601498&type=track", token: token)
            let items = try #require((search.object["tracks"] as? [String: Any])?["items"] as? [[String: Any]])
            let id = try #require(items.first?["id"] as? String)
            let fetched = try await client.get("/v1/tracks/\(id)", token: token)
            #expect((fetched.object["external_ids"] as? [String: Any])?["isrc"] as? String == "GBAYE0601498")
            #expect(fetched.object["name"] as? String == items.first?["name"] as? String)
        }
    }

    @Test func anISRCStartingWithZZMatchesNothing() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get(
                "/v1/search?q=isrc:ZZXX01234567&type=track&limit=5", token: try await client.accessToken())
            let page = try #require(exchange.object["tracks"] as? [String: Any])
            #expect((page["items"] as? [Any])?.isEmpty == true)
            #expect(page["total"] as? Int == 0)
        }
    }

    @Test func aRecordedTracksISRCFindsTheRecordedTrack() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get(
                "/v1/search?q=isrc:GBTDW1900101&type=track", token: try await client.accessToken())
            let items = try #require((exchange.object["tracks"] as? [String: Any])?["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == ["4iV5W9uYEdYUVa79Axb7Rh"])
        }
    }
}
