import FixtureServer
import Foundation
import Testing

@Suite struct DevelopmentModeTests {
    let options = FixtureServerOptions(developmentMode: true)

    @Test func everyBatchEndpointIsForbidden() async throws {
        try await withFixtureServer(options) { client in
            let token = try await client.accessToken()
            for kind in ["tracks", "albums", "artists"] {
                let exchange = try await client.get("/v1/\(kind)?ids=4iV5W9uYEdYUVa79Axb7Rh", token: token)
                #expect(exchange.status == 403)
                #expect(exchange.text == #"{"error":{"status":403,"message":"Forbidden"}}"#)
            }
        }
    }

    @Test func singleAnswersLeaveOutTheExtendedFieldsAtEveryDepth() async throws {
        try await withFixtureServer(options) { client in
            let token = try await client.accessToken()
            let track = try await client.get("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", token: token)
            #expect(track.status == 200)
            #expect(track.object["name"] as? String == "Harbour Lights")
            for hidden in ["popularity", "available_markets", "linked_from"] {
                #expect(!track.text.contains("\"\(hidden)\""))
            }
            let album = try await client.get("/v1/albums/7sNOF9WDwhWunNAHPD3Baj", token: token)
            #expect(album.object["name"] != nil)
            #expect(album.object["label"] == nil)
            #expect(!album.text.contains("\"available_markets\""))
            let artist = try await client.get("/v1/artists/0OdUWJ0sBjDrqHygGUXeCF", token: token)
            #expect(artist.object["name"] as? String == "The Lantern Parade")
            #expect(artist.object["followers"] == nil)
            #expect(artist.object["popularity"] == nil)
        }
    }
}
