import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct RequestLogTests {
    @Test func everyRequestButTheLogItselfIsRecordedWithItsStatus() async throws {
        let folder = try TemporaryDirectory()
        let logFile = folder.file("requests.jsonl")
        let started = Date()
        try await withFixtureServer(requestLogFile: logFile) { client in
            let token = try await client.accessToken()
            _ = try await client.get("/v1/tracks?ids=4iV5W9uYEdYUVa79Axb7Rh,0000aaaaaaaaaaaaaaaaaa", token: token)
            _ = try await client.get("/v1/albums/bad", token: nil)
            let served = try await client.get("/__log", token: nil)

            let expected = [
                ("POST", "/api/token", 200, false),
                ("GET", "/v1/tracks?ids=4iV5W9uYEdYUVa79Axb7Rh,0000aaaaaaaaaaaaaaaaaa", 200, true),
                ("GET", "/v1/albums/bad", 401, true),
            ]
            let log = await client.server.requestLog()
            #expect(log.map(\.method) == expected.map(\.0))
            #expect(log.map(\.path) == expected.map(\.1))
            #expect(log.map(\.status) == expected.map(\.2))
            #expect(log.map(\.isAPIRequest) == expected.map(\.3))
            #expect(log.allSatisfy { $0.time >= started.addingTimeInterval(-1) && $0.time <= Date() })

            let fromEndpoint = try LoggedRequest.makeDecoder().decode([LoggedRequest].self, from: served.body)
            #expect(fromEndpoint.map(\.path) == log.map(\.path))
            #expect(served.text.contains(#""time":"20"#))

            let lines = try String(contentsOfFile: logFile, encoding: .utf8).split(separator: "\n")
            let decoder = LoggedRequest.makeDecoder()
            let fromFile = try lines.map { try decoder.decode(LoggedRequest.self, from: Data($0.utf8)) }
            #expect(fromFile == fromEndpoint)
        }
    }

    @Test(arguments: [
        ("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", FixtureService.spotify),
        ("/lastfm/2.0/?method=track.getInfo", .lastfm),
        ("/musicbrainz/ws/2/isrc/GBAAA9900303", .musicbrainz),
        ("/deezer/track/isrc:GBAAA9900303", .deezer),
        ("/odesli/v1-alpha.1/links?url=x", .odesli),
        ("/listenbrainz/1/popularity/recording", .listenbrainz),
    ])
    func eachRequestIsLoggedWithTheServiceItWentTo(path: String, service: FixtureService) async throws {
        try await withFixtureServer { client in
            _ = try await client.send(path)
            let served = try await client.send("/__log")
            let log = try LoggedRequest.makeDecoder().decode([LoggedRequest].self, from: served.body)
            #expect(log.map(\.service) == [service])
            #expect(log.map(\.isAPIRequest) == [service == .spotify])
            #expect(served.text.contains(#""service":"\#(service.rawValue)""#))
        }
    }
}
