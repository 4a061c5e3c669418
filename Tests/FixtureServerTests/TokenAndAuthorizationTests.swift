import FixtureServer
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct TokenAndAuthorizationTests {
    @Test func theDemoCredentialsGetABearerTokenThatLivesTheConfiguredTime() async throws {
        try await withFixtureServer(FixtureServerOptions(tokenLifetime: 120)) { client in
            let exchange = try await client.requestToken()
            #expect(exchange.status == 200)
            #expect(exchange.contentType?.hasPrefix("application/json") == true)
            #expect(exchange.text == #"{"access_token":"fixture-token-1","token_type":"Bearer","expires_in":120}"#)
        }
    }

    @Test func wrongCredentialsAreAnInvalidClient() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.requestToken(clientSecret: "guessed")
            #expect(exchange.status == 400)
            #expect(exchange.text == #"{"error":"invalid_client","error_description":"Invalid client"}"#)
        }
    }

    @Test func anAPIRequestWithoutATokenIsUnauthorized() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", token: nil)
            #expect(exchange.status == 401)
            #expect(exchange.text == #"{"error":{"status":401,"message":"Invalid access token"}}"#)
        }
    }

    @Test func aTokenTheServerNeverIssuedIsUnauthorized() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", token: "fixture-token-99")
            #expect(exchange.status == 401)
            #expect(exchange.errorMessage == "Invalid access token")
        }
    }

    @Test func anExpiredTokenSaysSo() async throws {
        try await withFixtureServer(FixtureServerOptions(tokenLifetime: 0)) { client in
            let token = try await client.accessToken()
            let exchange = try await client.get("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", token: token)
            #expect(exchange.status == 401)
            #expect(exchange.errorMessage == "The access token expired")
        }
    }

    @Test func aTokenExpiresWhenTheServersClockPassesItsLifetime() async throws {
        let clock = ManualClock()
        try await withFixtureServer(FixtureServerOptions(tokenLifetime: 60), clock: clock) { client in
            let token = try await client.accessToken()
            clock.advance(by: 59)
            let before = try await client.get("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", token: token)
            clock.advance(by: 1)
            let after = try await client.get("/v1/tracks/4iV5W9uYEdYUVa79Axb7Rh", token: token)
            #expect(before.status == 200)
            #expect(after.errorMessage == "The access token expired")
            #expect(await client.server.requestLog().map(\.time).last == clock.now())
        }
    }

    @Test func anUnknownRouteIsASpotifyShaped404() async throws {
        try await withFixtureServer { client in
            let exchange = try await client.get("/v1/playlists/37i9dQZF1DXcBWIGoYBM5M", token: nil)
            #expect(exchange.status == 404)
            #expect(exchange.contentType?.hasPrefix("application/json") == true)
            #expect(exchange.errorMessage == "Service not found")
        }
    }
}
