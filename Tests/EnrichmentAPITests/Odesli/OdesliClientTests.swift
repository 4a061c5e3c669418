import EnrichmentAPI
import FixtureServer
import Foundation
import Outbound
import SwingCache
import SwingCacheTestKit
import Testing

/// The Odesli client against the fixture server over real HTTP on 127.0.0.1.
@Suite struct OdesliClientTests {
    static let allowListed = "allow-listed-key"

    func client(_ server: RunningFixtureServer, key: String = allowListed) throws -> OdesliClient {
        OdesliClient(
            root: try server.root(of: .odesli), key: try ProviderCredential(key, for: .odesli),
            transport: AsyncHTTPClientTransport())
    }

    @Test func theConfiguredKeyGetsLinksByPlatform() async throws {
        let spotifyID = try #require(FixtureCatalog.spotifyTrackID(forISRC: "USUM71703861"))
        let link = "https://open.spotify.com/track/\(spotifyID)"
        let exchange = try await withFixtureServer(FixtureServerOptions(odesliKey: Self.allowListed)) { server in
            try await client(server).links(url: link)
        }
        #expect(exchange.status == 200)
        guard case .found(let links) = exchange.answer else {
            Issue.record("expected links, got \(exchange.answer)")
            return
        }
        #expect(links["spotify"] == link)
        let deezerID = try #require(FixtureCatalog.deezerTrackID(forISRC: "USUM71703861"))
        #expect(links["deezer"] == "https://www.deezer.com/track/\(deezerID)")
        #expect(links["appleMusic"] != nil && links["youtube"] != nil && links["tidal"] != nil)
    }

    @Test(arguments: [
        (FixtureServerOptions(odesliKey: nil), 401), (FixtureServerOptions(odesliKey: "another-key"), 401),
        (FixtureServerOptions(odesliKey: allowListed, odesliRetired: true), 410),
    ])
    func aRefusedOrRetiredAPISwitchesOdesliOff(options: FixtureServerOptions, status: Int) async throws {
        let exchange = try await withFixtureServer(options) { server in
            try await client(server).links(url: "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh")
        }
        #expect(exchange.status == status)
        #expect(exchange.answer == .retired(status: status))
        #expect(exchange.answer.action == .disableForRun)
    }

    @Test func aLinkOdesliCannotResolveIsABadRequest() async throws {
        let exchange = try await withFixtureServer(FixtureServerOptions(odesliKey: Self.allowListed)) { server in
            try await client(server).links(url: "not a url")
        }
        #expect(exchange.answer == .badRequest("could_not_fetch_entity_data"))
        #expect(exchange.answer.action == .skip)
    }

    @Test func theKeyNeverAppearsInAFailedExchange() async throws {
        let key = "odesli-secret-0123456789"
        let leaking = ScriptedTransport { request in
            throw URLError(.timedOut, userInfo: [NSLocalizedDescriptionKey: "timed out: \(request.url)"])
        }
        let client = OdesliClient(key: try ProviderCredential(key, for: .odesli), transport: leaking)
        let exchange = await client.links(url: "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh")
        guard case .transportFailed(let message) = exchange.answer else {
            Issue.record("expected a transport failure, got \(exchange.answer)")
            return
        }
        #expect(message.contains("key=redacted"))
        #expect(!String(describing: exchange).contains(key))
    }

    @Test(arguments: [
        (429, "", ["Retry-After": "30"], OdesliAnswer.rateLimited(retryAfter: 30)), (404, "", [:], .notFound),
        (500, "", [:], .serverError(status: 500)),
        (
            200, #"{"linksByPlatform":{"spotify":{}}}"#, [:],
            .malformed("the Odesli answer has no readable 'linksByPlatform' (34 bytes)")
        ),
    ])
    func answersTheServerCannotStageAreClassified(
        status: Int, body: String, headers: [String: String], answer: OdesliAnswer
    ) async throws {
        let transport = ScriptedTransport { _ in jsonResponse(status, body, headers: headers) }
        let client = OdesliClient(key: try ProviderCredential("k", for: .odesli), transport: transport)
        #expect(await client.links(url: "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh").answer == answer)
    }
}
