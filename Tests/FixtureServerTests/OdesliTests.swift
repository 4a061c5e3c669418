import FixtureServer
import Foundation
import Testing

@Suite struct OdesliTests {
    static func links(url: String, key: String?) -> String {
        var pairs: KeyValuePairs<String, String> = ["url": url]
        if let key { pairs = ["url": url, "key": key] }
        return "/odesli/v1-alpha.1/links?" + queryString(pairs)
    }

    @Test func theConfiguredKeyGetsLinksThatAgreeWithSpotifyAndDeezer() async throws {
        let spotifyID = try #require(FixtureCatalog.spotifyTrackID(forISRC: "USUM71703861"))
        let url = "https://open.spotify.com/track/\(spotifyID)"
        let exchange = try await withFixtureServer(FixtureServerOptions(odesliKey: "allow-listed")) { client in
            try await client.send(Self.links(url: url, key: "allow-listed"))
        }
        #expect(exchange.status == 200)
        #expect(exchange.object["entityUniqueId"] as? String == "SPOTIFY_SONG::\(spotifyID)")
        let links = try #require(exchange.object["linksByPlatform"] as? [String: [String: Any]])
        #expect(links["spotify"]?["url"] as? String == url)
        let deezerID = try #require(FixtureCatalog.deezerTrackID(forISRC: "USUM71703861"))
        #expect(links["deezer"]?["url"] as? String == "https://www.deezer.com/track/\(deezerID)")
        #expect(links["appleMusic"]?["url"] is String)
        let entities = try #require(exchange.object["entitiesByUniqueId"] as? [String: [String: Any]])
        #expect(entities["SPOTIFY_SONG::\(spotifyID)"]?["title"] is String)
    }

    @Test(
        arguments: [(nil, nil), (nil, "anything"), ("allow-listed", nil), ("allow-listed", "other")]
            as [(String?, String?)])
    func withoutTheConfiguredKeyTheAnswerIs401Deprecated(configured: String?, sent: String?) async throws {
        let exchange = try await withFixtureServer(FixtureServerOptions(odesliKey: configured)) { client in
            try await client.send(Self.links(url: "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh", key: sent))
        }
        #expect(exchange.status == 401)
        #expect(exchange.text == #"{"statusCode":401,"code":"PUBLIC_API_ACCESS_DEPRECATED"}"#)
    }

    @Test func aRetiredServiceAnswers410EvenWithTheKey() async throws {
        let options = FixtureServerOptions(odesliKey: "allow-listed", odesliRetired: true)
        let exchange = try await withFixtureServer(options) { client in
            try await client.send(
                Self.links(url: "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh", key: "allow-listed"))
        }
        #expect(exchange.status == 410)
    }

    @Test(arguments: ["not a url", "https://open.spotify.com/track/0000aaaaaaaaaaaaaaaaaa"])
    func aLinkItCannotResolveIs400(url: String) async throws {
        let exchange = try await withFixtureServer(FixtureServerOptions(odesliKey: "k")) { client in
            try await client.send(Self.links(url: url, key: "k"))
        }
        #expect(exchange.status == 400)
        #expect(exchange.text == #"{"statusCode":400,"code":"could_not_fetch_entity_data"}"#)
    }
}
