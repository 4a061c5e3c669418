import Foundation
import Outbound

extension ListenBrainzClient {
    /// Up to `count` of `user`'s listens, newest first, before `maxTimestamp` and after `minTimestamp` (Unix
    /// seconds, both exclusive); the next page back is the one before the oldest listen of this one.
    ///
    /// ```swift
    /// let exchange = await client.listens(user: "rj", maxTimestamp: oldestSoFar)
    /// pacing.record(exchange.rateLimit)
    /// ```
    package func listens(
        user: String, count: Int = ListenBrainzListensRequest.maxCount, maxTimestamp: Int? = nil,
        minTimestamp: Int? = nil
    ) async -> ListenBrainzListensExchange {
        await fetch(
            ListenBrainzListensRequest(
                user: user, count: count, maxTimestamp: maxTimestamp, minTimestamp: minTimestamp))
    }

    /// Sends `request` once, unless it cannot be valid, and classifies the answer.
    package func fetch(_ request: ListenBrainzListensRequest) async -> ListenBrainzListensExchange {
        var headers: [String: String] = [:]
        if let token { headers["Authorization"] = "Token \(token.value)" }
        var rateLimit: ListenBrainzRateLimit?
        let exchange = await sender.exchange(
            request, problem: request.problem, url: request.url(root: root), headers: headers, hiding: token
        ) { response in
            rateLimit = ListenBrainzRateLimit(headersOf: response, receivedAt: sender.now())
            return Self.classifyListens(response, rateLimit: rateLimit)
        }
        return ListenBrainzListensExchange(
            request: request, status: exchange.status, answer: exchange.answer, rateLimit: rateLimit,
            reachedNetwork: exchange.reachedNetwork, duration: exchange.duration)
    }

    static func classifyListens(_ response: TransportResponse, rateLimit: ListenBrainzRateLimit?)
        -> ListenBrainzListensAnswer
    {
        func message() -> String {
            (try? JSONDecoder().decode(ListenBrainzErrorPayload.self, from: response.body))?.error ?? "no message"
        }
        switch response.status {
        case 200:
            guard let payload = try? JSONDecoder().decode(ListenBrainzListensPayload.self, from: response.body) else {
                return .malformed("the listens answer has no readable 'payload.listens' (\(response.body.count) bytes)")
            }
            return .found(
                payload.payload.listens.map { listen in
                    let track = listen.trackMetadata
                    return Listen(
                        source: .listenbrainz, artist: track.artistName, title: track.trackName,
                        album: track.releaseName, recordingMBID: track.recordingMBID, timestamp: listen.listenedAt)
                })
        case 400: return .badRequest(message())
        case 401: return .unauthorized
        case 404: return .userNotFound(message())
        case 429: return .rateLimited(resetIn: rateLimit?.resetIn)
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status)
        }
    }
}
