import Foundation
import Outbound

/// Last.fm's `track.getInfo`, one request at a time: no pacing and no retries here — the runner decides those.
///
/// ```swift
/// let client = LastFMClient(apiKey: try ProviderCredential(key, for: .lastfm), transport: AsyncHTTPClientTransport())
/// let exchange = await client.trackInfo(artist: "Cher", track: "Believe", username: "rj")
/// if case .found(let info) = exchange.answer { print(info.playcount ?? 0) }
/// ```
package final class LastFMClient: Sendable {
    package static let defaultRoot = URL(string: "https://ws.audioscrobbler.com")!

    /// Where requests go: `https://ws.audioscrobbler.com`, or the fixture server's `/lastfm`.
    package var root: URL { sender.root }
    package var userAgent: ProviderUserAgent { sender.userAgent }
    let apiKey: ProviderCredential
    let sender: ProviderRequestSender

    package init(
        root: URL = defaultRoot, apiKey: ProviderCredential, userAgent: ProviderUserAgent = .standard,
        transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.apiKey = apiKey
        sender = ProviderRequestSender(root: root, userAgent: userAgent, transport: transport, now: now)
    }

    /// The track `artist` – `track` (Last.fm corrects misspellings), with `username`'s plays when given.
    package func trackInfo(artist: String, track: String, username: String? = nil) async -> LastFMExchange {
        await fetch(LastFMTrackRequest(lookup: .name(artist: artist, track: track), username: username))
    }

    /// The track of a MusicBrainz recording id, with `username`'s plays when given.
    package func trackInfo(mbid: String, username: String? = nil) async -> LastFMExchange {
        await fetch(LastFMTrackRequest(lookup: .mbid(mbid), username: username))
    }

    /// Sends `request` once, unless it cannot be valid, and classifies the answer.
    package func fetch(_ request: LastFMTrackRequest) async -> LastFMExchange {
        await sender.exchange(
            request, problem: request.problem, url: request.url(root: root, apiKey: apiKey.value), hiding: apiKey
        ) { Self.classify($0, hiding: apiKey) }
    }

    static func classify(_ response: TransportResponse, hiding apiKey: ProviderCredential) -> LastFMAnswer {
        if let problem = try? JSONDecoder().decode(LastFMErrorPayload.self, from: response.body) {
            return answer(forErrorCode: problem.error, message: apiKey.redacting(problem.message ?? "no message"))
        }
        switch response.status {
        case 200:
            do {
                let track = try JSONDecoder().decode(LastFMTrackPayload.self, from: response.body).track
                return .found(
                    LastFMTrackInfo(
                        name: track.name, artist: track.artist, mbid: track.mbid, url: track.url,
                        playcount: track.playcount, listeners: track.listeners, userPlaycount: track.userPlaycount,
                        topTags: track.topTags))
            } catch {
                return .malformed("the track.getInfo answer has no readable 'track' (\(response.body.count) bytes)")
            }
        case 429: return .rateLimited
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }

    /// The answer an error code in Last.fm's body stands for, whatever the HTTP status.
    package static func answer(forErrorCode code: Int, message: String) -> LastFMAnswer {
        switch code {
        case 6: .notFound
        case 8, 11, 16: .temporaryFailure(code: code)
        case 29: .rateLimited
        case 10, 26: .badKey(code: code)
        default: .failed(code: code, message: message)
        }
    }
}
