import Foundation
import Outbound

/// MusicBrainz's ISRC and recording look-ups and its recording search, one request at a time: no pacing and no retries here — the runner
/// keeps ``MusicBrainzPolicy``.
///
/// MusicBrainz refuses clients that do not say who runs them, so the User-Agent, with a contact, is required:
///
/// ```swift
/// let client = MusicBrainzClient(userAgent: try ProviderUserAgent(contact: "me@example.org"),
///                                transport: AsyncHTTPClientTransport())
/// let exchange = await client.recordings(isrc: "GBAAA9900303")
/// ```
package final class MusicBrainzClient: Sendable {
    package static let defaultRoot = URL(string: "https://musicbrainz.org")!

    /// Where requests go: `https://musicbrainz.org`, or the fixture server's `/musicbrainz`.
    package var root: URL { sender.root }
    package var userAgent: ProviderUserAgent { sender.userAgent }
    private let sender: ProviderRequestSender

    package init(
        root: URL = defaultRoot, userAgent: ProviderUserAgent, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        sender = ProviderRequestSender(root: root, userAgent: userAgent, transport: transport, now: now)
    }

    /// The recordings of `isrc`, with id, title and length only.
    package func recordings(isrc: String) async -> MusicBrainzRecordingsExchange {
        await fetch(.recordings(isrc: isrc)) { body in
            try JSONDecoder().decode(MusicBrainzISRCPayload.self, from: body).recordings.map(\.recording)
        }
    }

    /// One recording with its genres, tags, ISRCs, URL relations and credited artists with their aliases.
    package func recording(mbid: String) async -> MusicBrainzRecordingExchange {
        await fetch(.recording(mbid: mbid)) { body in
            try JSONDecoder().decode(MusicBrainzRecordingPayload.self, from: body).recording
        }
    }

    /// The recordings a search finds, best first; `query` is Lucene text (``MusicBrainzRecordingQuery``).
    package func searchRecordings(query: String) async -> MusicBrainzSearchExchange {
        await fetch(.search(query: query)) { body in
            try JSONDecoder().decode(MusicBrainzSearchPayload.self, from: body).recordings.map(\.hit)
        }
    }

    private func fetch<Found: Hashable & Sendable>(
        _ request: MusicBrainzRequest, decode: (Data) throws -> Found
    ) async -> EnrichmentExchange<MusicBrainzRequest, MusicBrainzAnswer<Found>> {
        await sender.exchange(request, problem: request.problem, url: request.url(root: root)) {
            Self.classify($0, decode: decode)
        }
    }

    static func classify<Found>(_ response: TransportResponse, decode: (Data) throws -> Found) -> MusicBrainzAnswer<
        Found
    > {
        let message =
            (try? JSONDecoder().decode(MusicBrainzErrorPayload.self, from: response.body))?.error
            ?? "no message"
        switch response.status {
        case 200:
            do {
                return .found(try decode(response.body))
            } catch {
                return .malformed("the MusicBrainz answer is not a readable recording (\(response.body.count) bytes)")
            }
        case 400: return .badRequest(message)
        case 403: return .forbidden(message)
        case 404: return .notFound
        case 503: return .busy
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }
}
