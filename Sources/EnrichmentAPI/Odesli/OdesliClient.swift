import Foundation
import Outbound

/// Odesli (song.link) links, one request at a time. Its public API was retired in 2026 and its terms forbid
/// building a database from its answers, so a client exists only for a configured, allow-listed key, and the run
/// switches it off at the first ``OdesliAnswer/retired(status:)``.
///
/// ```swift
/// let client = OdesliClient(key: try ProviderCredential(key, for: .odesli), transport: AsyncHTTPClientTransport())
/// let exchange = await client.links(url: "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh")
/// ```
package final class OdesliClient: Sendable {
    package static let defaultRoot = URL(string: "https://api.song.link")!

    /// Where requests go: `https://api.song.link`, or the fixture server's `/odesli`.
    package var root: URL { sender.root }
    package var userAgent: ProviderUserAgent { sender.userAgent }
    private let key: ProviderCredential
    private let sender: ProviderRequestSender

    package init(
        root: URL = defaultRoot, key: ProviderCredential, userAgent: ProviderUserAgent = .standard,
        transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.key = key
        sender = ProviderRequestSender(root: root, userAgent: userAgent, transport: transport, now: now)
    }

    /// The links of the song at `url` on every platform Odesli knows.
    package func links(url: String, userCountry: String? = nil) async -> OdesliExchange {
        await fetch(OdesliLinksRequest(url: url, userCountry: userCountry))
    }

    /// Sends `request` once, unless it cannot be valid, and classifies the answer.
    package func fetch(_ request: OdesliLinksRequest) async -> OdesliExchange {
        await sender.exchange(
            request, problem: request.problem, url: request.url(root: root, key: key.value), hiding: key
        ) { Self.classify($0, now: sender.now()) }
    }

    static func classify(_ response: TransportResponse, now: Date) -> OdesliAnswer {
        switch response.status {
        case 200:
            guard let payload = try? JSONDecoder().decode(OdesliLinksPayload.self, from: response.body) else {
                return .malformed("the Odesli answer has no readable 'linksByPlatform' (\(response.body.count) bytes)")
            }
            return .found(payload.linksByPlatform.mapValues(\.url))
        case 400:
            let code = (try? JSONDecoder().decode(OdesliErrorPayload.self, from: response.body))?.code
            return .badRequest(code ?? "no code")
        case 401, 410: return .retired(status: response.status)
        case 404: return .notFound
        case 429:
            return .rateLimited(
                retryAfter: TransportResponse.retryAfterSeconds(response.header("Retry-After"), now: now))
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }
}
