import Foundation
import Outbound

/// ListenBrainz's recording popularity, one request at a time: no pacing and no retries here — the runner keeps
/// ``ListenBrainzPacing`` with the headers each exchange reports.
///
/// ```swift
/// let client = ListenBrainzClient(token: try ProviderCredential(token, for: .listenbrainz),
///                                 transport: AsyncHTTPClientTransport())
/// let exchange = await client.popularity(recordingMBIDs: mbids)
/// ```
package final class ListenBrainzClient: Sendable {
    package static let defaultRoot = URL(string: "https://api.listenbrainz.org")!

    /// Where requests go: `https://api.listenbrainz.org`, or the fixture server's `/listenbrainz`.
    package var root: URL { sender.root }
    package var userAgent: ProviderUserAgent { sender.userAgent }
    let token: ProviderCredential?
    let sender: ProviderRequestSender

    /// `token`, when given, goes with every request as `Authorization: Token …`.
    package init(
        root: URL = defaultRoot, token: ProviderCredential? = nil, userAgent: ProviderUserAgent = .standard,
        transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.token = token
        sender = ProviderRequestSender(root: root, userAgent: userAgent, transport: transport, now: now)
    }

    /// Listen and user counts of up to 1000 recordings, in the order given.
    package func popularity(recordingMBIDs: [String]) async -> ListenBrainzExchange {
        await fetch(ListenBrainzPopularityRequest(recordingMBIDs: recordingMBIDs))
    }

    /// Sends `request` once, unless it cannot be valid, and classifies the answer.
    package func fetch(_ request: ListenBrainzPopularityRequest) async -> ListenBrainzExchange {
        var headers = ["Content-Type": "application/json"]
        if let token { headers["Authorization"] = "Token \(token.value)" }
        var rateLimit: ListenBrainzRateLimit?
        let exchange = await sender.exchange(
            request, problem: request.problem,
            url: ProviderURL.make(root: root, path: "/1/popularity/recording", percentEncodedQuery: nil),
            method: "POST", headers: headers, body: request.body, hiding: token
        ) { response in
            rateLimit = ListenBrainzRateLimit(headersOf: response, receivedAt: sender.now())
            return Self.classify(response, for: request, rateLimit: rateLimit)
        }
        return ListenBrainzExchange(
            request: request, status: exchange.status, answer: exchange.answer, rateLimit: rateLimit,
            reachedNetwork: exchange.reachedNetwork, duration: exchange.duration)
    }

    static func classify(
        _ response: TransportResponse, for request: ListenBrainzPopularityRequest, rateLimit: ListenBrainzRateLimit?
    ) -> ListenBrainzAnswer {
        switch response.status {
        case 200:
            guard let rows = try? JSONDecoder().decode([ListenBrainzPopularityPayload].self, from: response.body)
            else {
                return .malformed("the popularity answer is not a list of recordings (\(response.body.count) bytes)")
            }
            guard rows.count == request.recordingMBIDs.count else {
                return .malformed(
                    "asked for \(request.recordingMBIDs.count) recordings, the answer has \(rows.count)")
            }
            for (asked, row) in zip(request.recordingMBIDs, rows)
            where asked.lowercased() != row.recordingMBID.lowercased() {
                return .malformed("the answer has '\(row.recordingMBID)' where '\(asked)' was asked for")
            }
            return .found(
                zip(request.recordingMBIDs, rows).map { asked, row in
                    ListenBrainzPopularity(
                        mbid: asked, listenCount: row.totalListenCount, userCount: row.totalUserCount)
                })
        case 400:
            let message = (try? JSONDecoder().decode(ListenBrainzErrorPayload.self, from: response.body))?.error
            return .badRequest(message ?? "no message")
        case 401: return .unauthorized
        case 429: return .rateLimited(resetIn: rateLimit?.resetIn)
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }
}
