import Outbound
import SwingCache

/// What one `track.getInfo` request came to, classified as the run must treat it.
///
/// Last.fm puts its errors in the body, with HTTP 400, 403, 429, 500 or even 200, so the body decides first:
///
/// | body `error` | answer |
/// |---|---|
/// | 6 | `notFound` (a missing parameter is caught before sending) |
/// | 8, 11, 16 | `temporaryFailure` |
/// | 29 | `rateLimited` |
/// | 10, 26 | `badKey` |
/// | any other | `failed(code:message:)` |
///
/// Without an error in the body: 200 → `found` (or `malformed`), 429 → `rateLimited`, 5xx → `serverError`.
package enum LastFMAnswer: Hashable, Sendable {
    case found(LastFMTrackInfo)
    /// Error 6: Last.fm does not know the track.
    case notFound
    /// Errors 8 (operation failed), 11 (service offline), 16 (temporary error): try again later.
    case temporaryFailure(code: Int)
    /// Error 29: too many requests; back off.
    case rateLimited
    /// Errors 10 (invalid key) and 26 (suspended key): Last.fm is off for the rest of the run.
    case badKey(code: Int)
    /// Another Last.fm error.
    case failed(code: Int, message: String)
    /// 5xx without a Last.fm error in the body.
    case serverError(status: Int)
    /// Another status without a Last.fm error in the body.
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// An answer whose body could not be read: the request failed; nothing is stored.
    case malformed(String)
    /// The request was not sent: it lacks what Last.fm needs.
    case invalidRequest(String)
}

extension LastFMAnswer: ProviderAnswer {}

extension LastFMAnswer {
    /// What the run does next.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .notFound: .rememberMissing
        case .temporaryFailure, .serverError, .transportFailed: .retry(after: nil)
        case .rateLimited: .throttle
        case .badKey: .disableForRun
        case .failed, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

/// One `track.getInfo` exchange.
package typealias LastFMExchange = EnrichmentExchange<LastFMTrackRequest, LastFMAnswer>

extension LastFMAnswer: OutboundAnswer {}
