import Foundation
import Outbound
import SwingCache

/// What one request to the Web API came to, classified as the run must treat it.
package enum SpotifyAnswer: Sendable, Equatable {
    /// 200 (or 404 for a single id): the entities, and the ids Spotify does not know.
    case found(entities: [CatalogEntity], missing: [SpotifyID])
    /// 200 to a search: the candidates, best first (none when nothing matched).
    case searched(tracks: [Track])
    /// 429: wait `Retry-After` (nil when the header was missing) and try again.
    case rateLimited(retryAfter: TimeInterval?)
    /// 429 `QUOTA_EXCEEDED`: stop calling Spotify until `Retry-After` has passed.
    case quotaExceeded(retryAfter: TimeInterval?)
    /// 401: the token was refused; get a new one and try once more.
    case unauthorized
    /// 403 from a batch endpoint: this app is served one id per request.
    case batchForbidden
    /// 403 anywhere else: the app may not use the API (blocked, no Premium owner): a configuration error.
    case forbidden(String)
    /// 400: Spotify rejected the request, usually an id.
    case badRequest(String)
    /// 5xx: try again after a backoff.
    case serverError(status: Int)
    /// Another status swingcache does not expect.
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// A 200 whose body could not be read: the request failed; nothing is stored.
    case malformed(String)
    /// No token could be had, so no request was sent.
    case noToken(TokenError)
}

/// One exchange with the Web API: what was asked (a ``CatalogRequest`` or a ``TrackSearchRequest``), what came back.
package struct SpotifyExchange<Request: Sendable>: Sendable {
    package var request: Request
    /// The HTTP status, or 0 when no answer came back.
    package var status: Int
    package var answer: SpotifyAnswer
    /// Whether a request reached the network (and so counts against the budget).
    package var reachedNetwork: Bool
    package var duration: TimeInterval
}

extension SpotifyAnswer {
    /// What the run does next. `found` and `searched` are stored by the caller; `batchForbidden` and `badRequest` are
    /// handed to it too (`skip`): it switches to per-item requests, or splits the batch to find the bad id.
    package var action: OutboundAction {
        switch self {
        case .found, .searched: .store
        case .rateLimited(let retryAfter?): .retry(after: retryAfter)
        case .rateLimited(nil): .throttle
        case .quotaExceeded(let retryAfter): .park(seconds: retryAfter, reason: "QUOTA_EXCEEDED")
        case .unauthorized: .renewToken
        case .batchForbidden, .badRequest: .skip
        case .forbidden, .noToken(.invalidCredentials): .stop
        case .serverError, .transportFailed, .noToken(.unavailable): .retry(after: nil)
        case .unexpectedStatus, .malformed: .fail
        }
    }

    /// How Spotify is backed off after 429s without `Retry-After`: exponential from 1 s, parked for 15 minutes
    /// after 6 in a row (retrying early lengthens Spotify's ban).
    package static let throttle = ThrottlePolicy(baseDelay: 1, maxDelay: 60, parkAfter: 6, parkFor: 900)
}

extension SpotifyAnswer: OutboundAnswer {}

extension SpotifyExchange: OutboundExchange {}
