import Foundation
import Outbound

extension LastFMClient {
    /// One page of `user`'s scrobbles, newest first, between `from` and `to` (Unix seconds, both inclusive); the
    /// track playing now is left out.
    ///
    /// ```swift
    /// let exchange = await client.recentTracks(user: "rj", page: 1, from: lastImported + 1, to: now)
    /// if case .found(let page) = exchange.answer, page.page < page.totalPages { … ask for page 2 … }
    /// ```
    package func recentTracks(
        user: String, page: Int = 1, limit: Int = LastFMRecentTracksRequest.maxLimit, from: Int? = nil,
        to: Int? = nil
    ) async -> LastFMHistoryExchange {
        await fetch(LastFMRecentTracksRequest(user: user, page: page, limit: limit, from: from, to: to))
    }

    /// Sends `request` once, unless it cannot be valid, and classifies the answer.
    package func fetch(_ request: LastFMRecentTracksRequest) async -> LastFMHistoryExchange {
        await sender.exchange(
            request, problem: request.problem, url: request.url(root: root, apiKey: apiKey.value), hiding: apiKey
        ) { Self.classifyRecentTracks($0, hiding: apiKey) }
    }

    static func classifyRecentTracks(_ response: TransportResponse, hiding apiKey: ProviderCredential)
        -> LastFMHistoryAnswer
    {
        if let problem = try? JSONDecoder().decode(LastFMErrorPayload.self, from: response.body) {
            return historyAnswer(
                forErrorCode: problem.error, message: apiKey.redacting(problem.message ?? "no message"))
        }
        switch response.status {
        case 200:
            guard let payload = try? JSONDecoder().decode(LastFMRecentTracksPayload.self, from: response.body) else {
                return .malformed(
                    "the user.getRecentTracks answer has no readable 'recenttracks' (\(response.body.count) bytes)")
            }
            return readPage(payload.recenttracks)
        case 429: return .rateLimited
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }

    /// The answer an error code in Last.fm's body stands for, to a `user.getRecentTracks` request.
    package static func historyAnswer(forErrorCode code: Int, message: String) -> LastFMHistoryAnswer {
        switch code {
        case 6: .userNotFound(message)
        case 17: .privateProfile(message)
        case 8, 11, 16: .temporaryFailure(code: code)
        case 29: .rateLimited
        case 10, 26: .badKey(code: code)
        default: .failed(code: code, message: message)
        }
    }

    private static func readPage(_ recent: LastFMRecentTracksPayload.RecentTracks) -> LastFMHistoryAnswer {
        guard let page = recent.attr.page.value, let totalPages = recent.attr.totalPages.value else {
            return .malformed("the user.getRecentTracks answer has no page numbers in '@attr'")
        }
        var listens: [Listen] = []
        for track in recent.track?.elements ?? [] where !track.isNowPlaying {
            guard let timestamp = track.date?.uts.value else {
                return .malformed("the scrobble '\(track.artist.value) – \(track.name)' has no readable date")
            }
            listens.append(
                Listen(
                    source: .lastfm, artist: track.artist.value, title: track.name, album: track.album?.value,
                    recordingMBID: track.mbid, timestamp: timestamp))
        }
        return .found(
            LastFMRecentTracksPage(
                listens: listens, page: page, totalPages: totalPages, total: recent.attr.total?.value ?? listens.count)
        )
    }
}
