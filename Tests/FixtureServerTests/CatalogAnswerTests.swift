import FixtureServer
import Foundation
import Testing

@Suite struct CatalogAnswerTests {
    let recordedTrack = "4iV5W9uYEdYUVa79Axb7Rh"
    let generatedTrack = "6rqhFgbbKwnb9MLmUQDhG6"
    let missingTrack = "0000aaaaaaaaaaaaaaaaaa"

    @Test func aBatchAnswersInRequestOrderWithNullForAMissingID() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let ids = [generatedTrack, missingTrack, recordedTrack]
            let exchange = try await client.get("/v1/tracks?ids=\(ids.joined(separator: ","))&market=SE", token: token)
            #expect(exchange.status == 200)
            let tracks = try #require(exchange.object["tracks"] as? [Any])
            #expect(tracks.count == 3)
            #expect((tracks[0] as? [String: Any])?["id"] as? String == generatedTrack)
            #expect(tracks[1] is NSNull)
            #expect((tracks[2] as? [String: Any])?["id"] as? String == recordedTrack)
        }
    }

    @Test func anIDThatIsNotBase62MakesTheWholeBatchA400() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let exchange = try await client.get("/v1/albums?ids=\(generatedTrack),not-an-id", token: token)
            #expect(exchange.status == 400)
            #expect(exchange.text == #"{"error":{"status":400,"message":"Invalid base62 id"}}"#)
            let single = try await client.get("/v1/artists/tooShort", token: token)
            #expect(single.status == 400)
            #expect(single.errorMessage == "Invalid base62 id")
        }
    }

    @Test func aBatchOverTheKindsLimitIsRefused() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let twentyOne = Array(repeating: generatedTrack, count: 21).joined(separator: ",")
            let albums = try await client.get("/v1/albums?ids=\(twentyOne)", token: token)
            #expect(albums.status == 400)
            #expect(albums.errorMessage == "Too many ids requested")
            let tracks = try await client.get("/v1/tracks?ids=\(twentyOne)", token: token)
            #expect(tracks.status == 200)
        }
    }

    @Test func aMissingIDAloneIsA404() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let exchange = try await client.get("/v1/artists/\(missingTrack)", token: token)
            #expect(exchange.status == 404)
            #expect(exchange.text == #"{"error":{"status":404,"message":"Resource not found"}}"#)
        }
    }

    @Test func aRecordedFixtureWinsOverTheGeneratedCatalog() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let track = try await client.get("/v1/tracks/\(recordedTrack)", token: token).object
            #expect(track["name"] as? String == "Harbour Lights")
            #expect((track["album"] as? [String: Any])?["id"] as? String == "0sNOF9WDwhWunNAHPD3Baj")
            let album = try await client.get("/v1/albums/0sNOF9WDwhWunNAHPD3Baj", token: token).object
            #expect(album["label"] as? String == "Tidewater Recordings")
            let artist = try await client.get("/v1/artists/0OdUWJ0sBjDrqHygGUXeCF", token: token).object
            #expect(artist["name"] as? String == "The Lantern Parade")
        }
    }

    @Test func theSameIDGetsByteIdenticalAnswersFromAnyServer() async throws {
        let first = try await withFixtureServer { client in
            try await client.get("/v1/tracks/\(generatedTrack)", token: try await client.accessToken()).body
        }
        let second = try await withFixtureServer { client in
            let token = try await client.accessToken()
            _ = try await client.get("/v1/albums/\(generatedTrack)", token: token)
            return try await client.get("/v1/tracks/\(generatedTrack)", token: token).body
        }
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func aGeneratedTrackHasSpotifysShapeAndValidDerivedIDs() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get("/v1/tracks/\(generatedTrack)", token: try await client.accessToken())
            let track = exchange.object
            let duration = try #require(track["duration_ms"] as? Int)
            #expect((120_000...400_000).contains(duration))
            let popularity = try #require(track["popularity"] as? Int)
            #expect((0...100).contains(popularity))
            #expect(track["type"] as? String == "track")
            #expect(track["uri"] as? String == "spotify:track:\(generatedTrack)")
            #expect(track["is_local"] as? Bool == false)
            #expect(exchange.text.contains(#""preview_url":null"#))
            #expect(((track["available_markets"] as? [String])?.count ?? 0) > 70)
            let album = try #require(track["album"] as? [String: Any])
            let artists = try #require(track["artists"] as? [[String: Any]])
            let derivedIDs = [album["id"] as? String] + artists.map { $0["id"] as? String }
            for id in derivedIDs {
                let id = try #require(id)
                #expect(id.count == 22 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
                #expect(!id.hasPrefix("0000"))
            }
            #expect((album["images"] as? [Any])?.count == 3)
        }
    }

    @Test func aGeneratedAlbumListsItsTracksAndAnArtistHasFollowers() async throws {
        try await withFixtureServer { client in
            let token = try await client.accessToken()
            let albumAnswer = try await client.get("/v1/albums/\(generatedTrack)", token: token)
            let tracks = try #require(albumAnswer.object["tracks"] as? [String: Any])
            let total = try #require(albumAnswer.object["total_tracks"] as? Int)
            #expect((tracks["items"] as? [Any])?.count == total)
            #expect(albumAnswer.text.contains(#""next":null,"offset":0,"previous":null"#))
            #expect((albumAnswer.object["external_ids"] as? [String: Any])?["upc"] is String)
            #expect(albumAnswer.object["label"] is String)
            let artistAnswer = try await client.get("/v1/artists/\(generatedTrack)", token: token)
            #expect(artistAnswer.text.contains(#""followers":{"href":null,"total":"#))
            #expect(artistAnswer.object["type"] as? String == "artist")
        }
    }
}
