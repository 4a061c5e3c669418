import Foundation
import Outbound
import SpotifyAPI
import SwingCacheTestKit
import Testing

@Suite struct TokenProviderTests {
    let credentials = SpotifyCredentials(clientID: "client-id-1234", clientSecret: "very-secret-value")
    let tokenURL = URL(string: "http://127.0.0.1:1/api/token")!

    @Test func manyConcurrentCallersShareOneTokenFetch() async throws {
        let transport = ScriptedTransport { _ in ScriptedTransport.tokenResponse() }
        let provider = TokenProvider(credentials: credentials, tokenURL: tokenURL, transport: transport)
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await provider.accessToken() } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(tokens) == ["scripted-token"])
        #expect(transport.requests.count == 1)
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(
            request.headers["Authorization"] == "Basic "
                + Data("client-id-1234:very-secret-value".utf8).base64EncodedString())
        #expect(request.body == Data("grant_type=client_credentials".utf8))
    }

    @Test func aTokenIsReusedUntilShortlyBeforeItExpiresHoweverShortItsLifetime() async throws {
        let clock = ManualClock()
        let issued = CallCounter()
        let transport = ScriptedTransport { _ in
            let number = issued.next()
            return ScriptedTransport.tokenResponse("token-\(number)", expiresIn: 20)
        }
        let provider = TokenProvider(
            credentials: credentials, tokenURL: tokenURL, transport: transport, now: { clock.now() })
        #expect(try await provider.accessToken() == "token-1")
        clock.advance(by: 17.9)
        #expect(try await provider.accessToken() == "token-1")
        clock.advance(by: 0.2)  // 18.1 s: within the last tenth of a 20 s lifetime
        #expect(try await provider.accessToken() == "token-2")
        #expect(transport.requests.count == 2)
    }

    @Test func aRejectedTokenIsReplacedOnce() async throws {
        let issued = CallCounter()
        let transport = ScriptedTransport { _ in
            let number = issued.next()
            return ScriptedTransport.tokenResponse("token-\(number)")
        }
        let provider = TokenProvider(credentials: credentials, tokenURL: tokenURL, transport: transport)
        let first = try await provider.accessToken()
        await provider.invalidate(first)
        #expect(try await provider.accessToken() == "token-2")
        await provider.invalidate(first)  // a late 401 for the old token does not throw the new one away
        #expect(try await provider.accessToken() == "token-2")
    }

    @Test func invalidClientIsFatalAndNeverQuotesTheSecret() async {
        let transport = ScriptedTransport { _ in
            TransportResponse(
                status: 400, body: Data(#"{"error":"invalid_client","error_description":"Invalid client"}"#.utf8))
        }
        let provider = TokenProvider(credentials: credentials, tokenURL: tokenURL, transport: transport)
        do {
            _ = try await provider.accessToken()
            Issue.record("expected an error")
        } catch {
            guard case .invalidCredentials(let message) = error else {
                Issue.record("expected invalidCredentials, got \(error)")
                return
            }
            #expect(message.contains("invalid_client"))
            #expect(!message.contains("very-secret-value"))
            #expect(!message.contains("client-id-1234"))
        }
    }

    @Test func aServerErrorFromTheTokenEndpointIsTransient() async {
        let transport = ScriptedTransport { _ in TransportResponse(status: 503) }
        let provider = TokenProvider(credentials: credentials, tokenURL: tokenURL, transport: transport)
        await #expect(throws: TokenError.unavailable("the token endpoint answered 503")) {
            _ = try await provider.accessToken()
        }
    }

    @Test func credentialsNeverPrintTheirSecret() {
        #expect("\(credentials)" == "SpotifyCredentials(clientID: clie…, secret: redacted)")
        #expect(String(reflecting: credentials) == "SpotifyCredentials(clientID: clie…, secret: redacted)")
    }
}
