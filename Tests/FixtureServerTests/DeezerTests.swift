import FixtureServer
import Foundation
import Testing

@Suite struct DeezerTests {
    @Test func anISRCLookupNamesTheSameTrackAsSpotifyWithADerivedID() async throws {
        try await withFixtureServer { client in
            let deezer = try await client.send("/deezer/track/isrc:USUM71703861")
            let id = try #require(FixtureCatalog.deezerTrackID(forISRC: "USUM71703861"))
            let spotifyID = try #require(FixtureCatalog.spotifyTrackID(forISRC: "USUM71703861"))
            let spotify = try await client.get("/v1/tracks/\(spotifyID)", token: try await client.accessToken())
            #expect(deezer.status == 200)
            #expect(deezer.object["id"] as? Int == id)
            #expect(deezer.object["link"] as? String == "https://www.deezer.com/track/\(id)")
            #expect(deezer.object["isrc"] as? String == "USUM71703861")
            #expect(deezer.object["title"] as? String == spotify.object["name"] as? String)
            #expect(deezer.object["duration"] as? Int == (spotify.object["duration_ms"] as? Int).map { $0 / 1000 })
            let artist = try #require(deezer.object["artist"] as? [String: Any])
            let spotifyArtist = (spotify.object["artists"] as? [[String: Any]])?.first
            #expect(artist["name"] as? String == spotifyArtist?["name"] as? String)
        }
    }

    @Test(arguments: ["isrc:ZZAAA9900303", "isrc:not-an-isrc", "3135556"])
    func anUnknownTrackIsA200WithDeezersDataException(reference: String) async throws {
        let exchange = try await withFixtureServer { client in try await client.send("/deezer/track/\(reference)") }
        #expect(exchange.status == 200)
        #expect(exchange.text == #"{"error":{"type":"DataException","message":"no data","code":800}}"#)
    }
}
