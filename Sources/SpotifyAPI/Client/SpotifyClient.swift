import Foundation
import Outbound
import SwingCache

/// Where the Spotify client sends its requests: the real service by default, the fixture server in tests.
package struct SpotifyEndpoints: Sendable, Equatable {
    package static let defaultAPIURL = URL(string: "https://api.spotify.com/v1")!
    package static let defaultTokenURL = URL(string: "https://accounts.spotify.com/api/token")!

    package var apiURL: URL
    package var tokenURL: URL

    package init(apiURL: URL = defaultAPIURL, tokenURL: URL = defaultTokenURL) {
        self.apiURL = apiURL
        self.tokenURL = tokenURL
    }
}

/// The Spotify Web API, one request at a time: no pacing and no retries here — the runner decides those.
///
/// ```swift
/// let client = SpotifyClient(endpoints: SpotifyEndpoints(), credentials: credentials, transport: AsyncHTTPClientTransport())
/// let exchange = await client.fetch(CatalogRequest(kind: .track, ids: ids, market: "US", usesBatchEndpoint: true))
/// ```
package final class SpotifyClient: Sendable {
    package let endpoints: SpotifyEndpoints
    package let tokens: TokenProvider
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date

    package init(
        endpoints: SpotifyEndpoints, credentials: SpotifyCredentials, transport: any HTTPTransport,
        sharedTokens: (any SharedTokenStore)? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoints = endpoints
        self.transport = transport
        self.now = now
        tokens = TokenProvider(
            credentials: credentials, tokenURL: endpoints.tokenURL, transport: transport, sharedTokens: sharedTokens,
            now: now)
    }

    /// Makes sure a token is held before a paced request, so a token failure never costs a budget slot.
    package func prepareToken() async throws(TokenError) {
        _ = try await tokens.accessToken()
    }

    /// Sends `request` once and classifies the answer.
    package func fetch(_ request: CatalogRequest) async -> SpotifyExchange<CatalogRequest> {
        await exchange(request, url: request.url(base: endpoints.apiURL)) { response in
            classify(response, for: request)
        }
    }

    /// Searches tracks once and classifies the answer like a catalog request's: 200 is ``SpotifyAnswer/searched(tracks:)``.
    ///
    /// ```swift
    /// let exchange = await client.searchTracks(TrackSearchRequest(query: SpotifySearchQuery.text(for: local), market: "US"))
    /// if case .searched(let candidates) = exchange.answer { TrackMatcher().match(local, candidates: candidates) }
    /// ```
    package func searchTracks(_ request: TrackSearchRequest) async -> SpotifyExchange<TrackSearchRequest> {
        await exchange(request, url: request.url(base: endpoints.apiURL)) { response in
            guard response.status == 200 else { return classifyFailure(response) }
            do throws(CatalogDecoder.Malformed) {
                return .searched(tracks: try CatalogDecoder.decodeSearch(response.body))
            } catch {
                return .malformed(error.reason)
            }
        }
    }

    /// Tracks found by a general search (`track:"…" artist:"…"`), best first; `status` 0 when no answer came.
    package func searchTracks(query: String, market: String) async -> (status: Int, tracks: [Track]?) {
        let exchange = await searchTracks(TrackSearchRequest(query: query, market: market))
        guard case .searched(let tracks) = exchange.answer else { return (exchange.status, nil) }
        return (exchange.status, tracks)
    }

    /// Tracks whose ISRC is `isrc`, best match first (at most 10: the limit Spotify allows since 2026).
    package func searchTracks(isrc: String, market: String) async -> (status: Int, tracks: [Track]?) {
        await searchTracks(query: "isrc:\(isrc)", market: market)
    }

    private func exchange<Request>(
        _ request: Request, url: URL, classify: (TransportResponse) -> SpotifyAnswer
    ) async -> SpotifyExchange<Request> {
        let started = now()
        func exchange(_ status: Int, _ answer: SpotifyAnswer, reached: Bool = true) -> SpotifyExchange<Request> {
            SpotifyExchange(
                request: request, status: status, answer: answer, reachedNetwork: reached,
                duration: now().timeIntervalSince(started))
        }
        let token: String
        do {
            token = try await tokens.accessToken()
        } catch {
            return exchange(0, .noToken(error), reached: false)
        }
        let http = TransportRequest(
            url: url, headers: ["Authorization": "Bearer \(token)", "Accept": "application/json"])
        let response: TransportResponse
        do {
            response = try await transport.send(http)
        } catch {
            return exchange(0, .transportFailed(error.localizedDescription))
        }
        let answer = classify(response)
        if answer == .unauthorized { await tokens.invalidate(token) }
        return exchange(response.status, answer)
    }

    func classify(_ response: TransportResponse, for request: CatalogRequest) -> SpotifyAnswer {
        switch response.status {
        case 200:
            do {
                let decoded = try CatalogDecoder.decode(
                    response.body, kind: request.kind, requested: request.ids, batch: request.usesBatchEndpoint)
                return .found(entities: decoded.entities, missing: decoded.missing)
            } catch {
                return .malformed(error.reason)
            }
        case 403 where request.usesBatchEndpoint: return .batchForbidden
        case 404 where !request.usesBatchEndpoint: return .found(entities: [], missing: request.ids)
        default: return classifyFailure(response)
        }
    }

    /// What every endpoint's non-200 answers mean.
    private func classifyFailure(_ response: TransportResponse) -> SpotifyAnswer {
        let problem = try? JSONDecoder().decode(ErrorPayload.self, from: response.body)
        let message = problem?.error.message ?? "no message"
        switch response.status {
        case 400: return .badRequest(message)
        case 401: return .unauthorized
        case 403: return .forbidden(message)
        case 429:
            let retryAfter = TransportResponse.retryAfterSeconds(response.header("Retry-After"), now: now())
            return problem?.error.reason == "QUOTA_EXCEEDED"
                ? .quotaExceeded(retryAfter: retryAfter) : .rateLimited(retryAfter: retryAfter)
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }
}
