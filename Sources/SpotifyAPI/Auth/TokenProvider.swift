import Foundation
import Outbound

/// Why no access token could be had.
package enum TokenError: Error, Sendable, Equatable {
    /// The token endpoint refused the credentials (`invalid_client`): fatal, never retried.
    case invalidCredentials(String)
    /// A 5xx, a network error or an unreadable answer: worth trying again later.
    case unavailable(String)
}

/// Fetches client-credentials tokens and shares one among every request.
///
/// A token is reused until shortly before it expires — 60 s, or a tenth of its lifetime when that is
/// shorter — so cache hits never cost a token request. Concurrent callers wait for one fetch. With a
/// ``SharedTokenStore``, a token another runner fetched is used before a new one is asked for.
package actor TokenProvider {
    typealias Token = SharedToken

    private let credentials: SpotifyCredentials
    private let tokenURL: URL
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date
    private let sharedTokens: (any SharedTokenStore)?
    private var token: Token?
    private var fetching: Task<Token, any Error>?
    /// How many tokens this provider fetched: tests and reports count them.
    package private(set) var fetchCount = 0

    package init(
        credentials: SpotifyCredentials, tokenURL: URL, transport: any HTTPTransport,
        sharedTokens: (any SharedTokenStore)? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.sharedTokens = sharedTokens
        self.credentials = credentials
        self.tokenURL = tokenURL
        self.transport = transport
        self.now = now
    }

    /// A valid access token, fetched only when none is held or it is about to expire.
    package func accessToken() async throws(TokenError) -> String {
        if let token, token.renewAt > now() { return token.value }
        let task: Task<Token, any Error>
        if let fetching {
            task = fetching
        } else {
            task = Task { try await self.sharedOrFetchedToken() }
            fetching = task
        }
        do {
            let fresh = try await task.value
            token = fresh
            fetching = nil
            return fresh.value
        } catch {
            fetching = nil
            throw (error as? TokenError) ?? .unavailable("\(error)")
        }
    }

    /// Forgets the held token, after the API answered 401 with it.
    package func invalidate(_ rejected: String) async {
        if token?.value == rejected { token = nil }
        await sharedTokens?.discard(rejected)
    }

    private func sharedOrFetchedToken() async throws -> Token {
        if let shared = await sharedTokens?.sharedToken(), shared.renewAt > now() { return shared }
        let fresh = try await fetchToken()
        await sharedTokens?.share(fresh)
        return fresh
    }

    private func fetchToken() async throws -> Token {
        fetchCount += 1
        let request = TransportRequest(
            method: "POST", url: tokenURL,
            headers: [
                "Authorization": credentials.basicAuthorization,
                "Content-Type": "application/x-www-form-urlencoded",
            ],
            body: Data("grant_type=client_credentials".utf8))
        let requestedAt = now()
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw TokenError.unavailable("the token endpoint could not be reached (\(error.localizedDescription))")
        }
        switch response.status {
        case 200:
            guard let answer = try? JSONDecoder().decode(TokenPayload.self, from: response.body) else {
                throw TokenError.unavailable("the token endpoint sent an answer that is not a token")
            }
            let lifetime = TimeInterval(answer.expiresIn)
            let margin = min(60, lifetime / 10)
            return Token(value: answer.accessToken, renewAt: requestedAt.addingTimeInterval(lifetime - margin))
        case 500...599:
            throw TokenError.unavailable("the token endpoint answered \(response.status)")
        default:
            let problem = try? JSONDecoder().decode(TokenErrorPayload.self, from: response.body)
            throw TokenError.invalidCredentials(
                "Spotify refused the client credentials (\(response.status) \(problem?.error ?? "no reason given")): check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET"
            )
        }
    }
}
