import FixtureServer
import Foundation
import Outbound
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import Testing

/// The client against the fixture server over real HTTP on 127.0.0.1, one test per class of answer.
@Suite struct SpotifyClientTests {
    let credentials = SpotifyCredentials(clientID: "swingcache-demo", clientSecret: "swingcache-demo-secret")

    func withServer(
        _ options: FixtureServerOptions = FixtureServerOptions(), credentials: SpotifyCredentials? = nil,
        _ body: (SpotifyClient, RunningFixtureServer) async throws -> Void
    ) async throws {
        try await FixtureServer.withRunning(options: options) { server in
            let client = SpotifyClient(
                endpoints: SpotifyEndpoints(
                    apiURL: URL(string: server.apiURL)!, tokenURL: URL(string: server.tokenURL)!),
                credentials: credentials ?? self.credentials, transport: AsyncHTTPClientTransport())
            try await body(client, server)
        }
    }

    func ids(_ kind: EntityKind, _ values: [String]) -> [SpotifyID] { values.map { SpotifyID(kind: kind, value: $0) } }

    @Test func aBatchAnswerKeepsRequestOrderAndNullsBecomeMissing() async throws {
        try await withServer { client, _ in
            let wanted = ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh", "0000doesNotExist000000", "3n3Ppam7vgaVa1iaRUc9Lp"])
            let exchange = await client.fetch(
                CatalogRequest(kind: .track, ids: wanted, market: "US", usesBatchEndpoint: true))
            #expect(exchange.status == 200)
            guard case .found(let entities, let missing) = exchange.answer else {
                Issue.record("expected entities, got \(exchange.answer)")
                return
            }
            #expect(entities.map(\.id) == [wanted[0], wanted[2]])
            #expect(missing == [wanted[1]])
            guard case .track(let track) = entities[0] else { return }
            #expect(track.isrc != nil)
            #expect(!track.artistNames.isEmpty)
            let raw = String(decoding: track.raw, as: UTF8.self)
            #expect(!raw.contains("available_markets"), "raw answers are trimmed")
        }
    }

    @Test func aSingleUnknownIDIsMissingNotAnError() async throws {
        try await withServer { client, _ in
            let wanted = ids(.album, ["0000doesNotExist000000"])
            let exchange = await client.fetch(
                CatalogRequest(kind: .album, ids: wanted, market: "US", usesBatchEndpoint: false))
            #expect(exchange.status == 404)
            #expect(exchange.answer == .found(entities: [], missing: wanted))
        }
    }

    @Test func developmentModeForbidsBatchesAndOmitsFieldsThatStayNil() async throws {
        var options = FixtureServerOptions()
        options.developmentMode = true
        try await withServer(options) { client, _ in
            let wanted = ids(.artist, ["0OdUWJ0sBjDrqHygGUXeCF"])
            let batch = await client.fetch(
                CatalogRequest(kind: .artist, ids: wanted, market: "US", usesBatchEndpoint: true))
            #expect(batch.answer == .batchForbidden)
            let single = await client.fetch(
                CatalogRequest(kind: .artist, ids: wanted, market: "US", usesBatchEndpoint: false))
            guard case .found(let entities, _) = single.answer, case .artist(let artist) = entities.first else {
                Issue.record("expected an artist, got \(single.answer)")
                return
            }
            #expect(artist.popularity == nil)
            #expect(artist.followers == nil)
        }
    }

    @Test func rateLimitsAndQuotaAreToldApart() async throws {
        var limited = FixtureServerOptions()
        limited.rateLimitEvery = 1
        limited.retryAfterSeconds = 4
        try await withServer(limited) { client, _ in
            let exchange = await client.fetch(
                CatalogRequest(
                    kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
            #expect(exchange.answer == .rateLimited(retryAfter: 4))
        }
        var quota = FixtureServerOptions()
        quota.quotaAfter = 0
        try await withServer(quota) { client, _ in
            let exchange = await client.fetch(
                CatalogRequest(
                    kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
            #expect(exchange.answer == .quotaExceeded(retryAfter: 21600))
        }
    }

    @Test func serverErrorsAndMalformedBodiesAreClassified() async throws {
        var failing = FixtureServerOptions()
        failing.serverErrorRate = 1
        try await withServer(failing) { client, _ in
            let exchange = await client.fetch(
                CatalogRequest(
                    kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
            #expect(exchange.answer == .serverError(status: 503))
        }
        var malformed = FixtureServerOptions()
        malformed.malformedRate = 1
        try await withServer(malformed) { client, _ in
            let exchange = await client.fetch(
                CatalogRequest(
                    kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
            guard case .malformed = exchange.answer else {
                Issue.record("expected a malformed answer, got \(exchange.answer)")
                return
            }
        }
    }

    @Test func wrongCredentialsAreAFatalTokenError() async throws {
        try await withServer(credentials: SpotifyCredentials(clientID: "nobody", clientSecret: "wrong")) { client, _ in
            let exchange = await client.fetch(
                CatalogRequest(
                    kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
            #expect(!exchange.reachedNetwork)
            guard case .noToken(.invalidCredentials) = exchange.answer else {
                Issue.record("expected invalid credentials, got \(exchange.answer)")
                return
            }
        }
    }

    @Test func anExpiredTokenIsAnsweredWith401() async throws {
        var options = FixtureServerOptions()
        options.tokenLifetime = 0
        try await withServer(options) { client, _ in
            let exchange = await client.fetch(
                CatalogRequest(
                    kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
            #expect(exchange.answer == .unauthorized)
        }
    }

    @Test func anUnreachableServerIsATransportFailure() async throws {
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(
                apiURL: URL(string: "http://127.0.0.1:9/v1")!, tokenURL: URL(string: "http://127.0.0.1:9/api/token")!),
            credentials: credentials, transport: AsyncHTTPClientTransport(timeout: 2))
        let exchange = await client.fetch(
            CatalogRequest(
                kind: .track, ids: ids(.track, ["4iV5W9uYEdYUVa79Axb7Rh"]), market: "US", usesBatchEndpoint: true))
        guard case .noToken(.unavailable) = exchange.answer else {
            Issue.record("expected the token endpoint to be unreachable, got \(exchange.answer)")
            return
        }
    }
}

extension SpotifyClientTests {
    @Test func anISRCSearchFindsTheSameTrackEveryTime() async throws {
        try await withServer { client, _ in
            let first = await client.searchTracks(isrc: "USUM71703861", market: "US")
            let second = await client.searchTracks(isrc: "USUM71703861", market: "US")
            #expect(first.status == 200)
            let tracks = try #require(first.tracks)
            #expect(tracks.count == 1)
            #expect(tracks.first?.isrc == "USUM71703861")
            #expect(tracks.map(\.id) == second.tracks?.map(\.id))
            let nothing = await client.searchTracks(isrc: "ZZXX00000000", market: "US")
            #expect(nothing.tracks?.isEmpty == true)
        }
    }
}

extension SpotifyClientTests {
    @Test func aSearchByArtistAndTitleFindsTheExactCandidateAmongNearMisses() async throws {
        try await withServer { client, server in
            let request = TrackSearchRequest(query: #"track:"Believe" artist:"Cher""#, market: "US")
            let exchange = await client.searchTracks(request)
            #expect(exchange.status == 200)
            #expect(exchange.request == request)
            guard case .searched(let tracks) = exchange.answer else {
                Issue.record("expected candidates, got \(exchange.answer)")
                return
            }
            #expect(tracks.contains { $0.name == "Believe" && $0.artistNames == ["Cher"] })
            #expect(tracks.contains { $0.name == "Believe - Live" })
            let nothing = await client.searchTracks(query: #"track:"Nomatch A+B" artist:"Cher""#, market: "US")
            #expect(nothing.status == 200)
            #expect(nothing.tracks?.isEmpty == true)
            let logged = await server.requestLog().map(\.path).filter { $0.contains("/search?") }
            #expect(logged.last?.contains("A%2BB") == true, "a '+' in a name is sent encoded, not as a space")
        }
    }

    @Test func aSearchIsClassifiedLikeACatalogRequest() async throws {
        var quota = FixtureServerOptions()
        quota.quotaAfter = 0
        try await withServer(quota) { client, _ in
            let exchange = await client.searchTracks(TrackSearchRequest(isrc: "USUM71703861", market: "US"))
            #expect(exchange.answer == .quotaExceeded(retryAfter: 21600))
            #expect(exchange.reachedNetwork)
        }
        var limited = FixtureServerOptions()
        limited.rateLimitEvery = 1
        limited.retryAfterSeconds = 4
        try await withServer(limited) { client, _ in
            let exchange = await client.searchTracks(TrackSearchRequest(isrc: "USUM71703861", market: "US"))
            #expect(exchange.answer == .rateLimited(retryAfter: 4))
        }
    }
}
