import Foundation
import SwingCache

/// Where the Spotify client sends its requests: the real service by default, the fixture server in tests.
public struct SpotifyEndpoints: Sendable, Equatable {
    public static let defaultAPIURL = URL(string: "https://api.spotify.com/v1")!
    public static let defaultTokenURL = URL(string: "https://accounts.spotify.com/api/token")!

    public var apiURL: URL
    public var tokenURL: URL

    public init(apiURL: URL = defaultAPIURL, tokenURL: URL = defaultTokenURL) {
        self.apiURL = apiURL
        self.tokenURL = tokenURL
    }
}

/// The Spotify Web API, one request at a time: no pacing and no retries here — the runner decides those.
///
/// ```swift
/// let client = SpotifyClient(endpoints: SpotifyEndpoints(), credentials: credentials, transport: URLSessionTransport())
/// let exchange = await client.fetch(CatalogRequest(kind: .track, ids: ids, market: "US", usesBatchEndpoint: true))
/// ```
public final class SpotifyClient: Sendable {
    public let endpoints: SpotifyEndpoints
    public let tokens: TokenProvider
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date

    public init(
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
    public func prepareToken() async throws(TokenError) {
        _ = try await tokens.accessToken()
    }

    /// Sends `request` once and classifies the answer.
    public func fetch(_ request: CatalogRequest) async -> SpotifyExchange {
        let started = now()
        func exchange(_ status: Int, _ answer: SpotifyAnswer, reached: Bool = true) -> SpotifyExchange {
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
        let http = HTTPRequest(
            url: request.url(base: endpoints.apiURL),
            headers: ["Authorization": "Bearer \(token)", "Accept": "application/json"])
        let response: HTTPResponse
        do {
            response = try await transport.send(http)
        } catch {
            return exchange(0, .transportFailed(error.localizedDescription))
        }
        let answer = classify(response, for: request)
        if answer == .unauthorized { await tokens.invalidate(token) }
        return exchange(response.status, answer)
    }

    /// Tracks whose ISRC is `isrc`, best match first (at most 10: the limit Spotify allows since 2026).
    public func searchTracks(isrc: String, market: String) async -> (status: Int, tracks: [Track]?) {
        guard let token = try? await tokens.accessToken() else { return (0, nil) }
        var components = URLComponents(
            url: endpoints.apiURL.appendingPathComponent("search"), resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "q", value: "isrc:\(isrc)"), URLQueryItem(name: "type", value: "track"),
            URLQueryItem(name: "limit", value: "10"), URLQueryItem(name: "market", value: market),
        ]
        guard
            let response = try? await transport.send(
                HTTPRequest(url: components.url!, headers: ["Authorization": "Bearer \(token)"]))
        else { return (0, nil) }
        guard response.status == 200 else { return (response.status, nil) }
        return (200, try? CatalogDecoder.decodeSearch(response.body))
    }

    func classify(_ response: HTTPResponse, for request: CatalogRequest) -> SpotifyAnswer {
        let problem = try? JSONDecoder().decode(ErrorPayload.self, from: response.body)
        let message = problem?.error.message ?? "no message"
        switch response.status {
        case 200:
            do {
                let decoded = try CatalogDecoder.decode(
                    response.body, kind: request.kind, requested: request.ids, batch: request.usesBatchEndpoint)
                return .found(entities: decoded.entities, missing: decoded.missing)
            } catch {
                return .malformed(error.reason)
            }
        case 400: return .badRequest(message)
        case 401: return .unauthorized
        case 403: return request.usesBatchEndpoint ? .batchForbidden : .forbidden(message)
        case 404 where !request.usesBatchEndpoint: return .found(entities: [], missing: request.ids)
        case 429:
            let retryAfter = Self.retryAfterSeconds(response.header("Retry-After"), now: now())
            return problem?.error.reason == "QUOTA_EXCEEDED"
                ? .quotaExceeded(retryAfter: retryAfter) : .rateLimited(retryAfter: retryAfter)
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }

    /// Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.
    public static func retryAfterSeconds(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = TimeInterval(value), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
