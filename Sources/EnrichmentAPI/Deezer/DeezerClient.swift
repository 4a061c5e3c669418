import Foundation
import Outbound

/// Deezer's keyless track look-up by ISRC, one request at a time: no pacing and no retries here — the runner keeps
/// ``DeezerPolicy``.
///
/// ```swift
/// let client = DeezerClient(transport: AsyncHTTPClientTransport())
/// let exchange = await client.track(isrc: "GBAAA9900303")
/// ```
package final class DeezerClient: Sendable {
    package static let defaultRoot = URL(string: "https://api.deezer.com")!

    /// Where requests go: `https://api.deezer.com`, or the fixture server's `/deezer`.
    package var root: URL { sender.root }
    package var userAgent: ProviderUserAgent { sender.userAgent }
    private let sender: ProviderRequestSender

    package init(
        root: URL = defaultRoot, userAgent: ProviderUserAgent = .standard, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        sender = ProviderRequestSender(root: root, userAgent: userAgent, transport: transport, now: now)
    }

    /// The track with this ISRC.
    package func track(isrc: String) async -> DeezerExchange {
        await fetch(DeezerTrackRequest(isrc: isrc))
    }

    /// Sends `request` once, unless it cannot be valid, and classifies the answer.
    package func fetch(_ request: DeezerTrackRequest) async -> DeezerExchange {
        await sender.exchange(request, problem: request.problem, url: request.url(root: root), classify: Self.classify)
    }

    static func classify(_ response: TransportResponse) -> DeezerAnswer {
        if let problem = try? JSONDecoder().decode(DeezerErrorPayload.self, from: response.body) {
            return answer(forErrorCode: problem.error.code, message: problem.error.message ?? "no message")
        }
        switch response.status {
        case 200:
            guard let track = try? JSONDecoder().decode(DeezerTrackPayload.self, from: response.body) else {
                return .malformed("the Deezer answer is not a readable track (\(response.body.count) bytes)")
            }
            return .found(
                DeezerTrack(
                    id: track.id, title: track.title, link: track.link, isrc: track.isrc?.nonEmpty,
                    durationSeconds: track.duration, rank: track.rank,
                    bpm: track.bpm.flatMap { $0 > 0 ? $0 : nil }, gain: track.gain))
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }

    /// The answer an error code in Deezer's body stands for, whatever the HTTP status.
    package static func answer(forErrorCode code: Int, message: String) -> DeezerAnswer {
        switch code {
        case 800: .notFound
        case 4: .rateLimited
        case 700: .temporaryFailure(code: code)
        default: .failed(code: code, message: message)
        }
    }
}
