import Outbound
import SwingCache

/// What one `user.getRecentTracks` request came to, classified as the run must treat it.
///
/// Last.fm puts its errors in the body, whatever the HTTP status, so the body decides first:
///
/// | body `error` | answer | action |
/// |---|---|---|
/// | 6 | `userNotFound` (a missing user is caught before sending) | `skip`: that user's history is not imported |
/// | 17 | `privateProfile` | `skip`: that user's history is not imported |
/// | 8, 11, 16 | `temporaryFailure` | `retry` |
/// | 29 | `rateLimited` | `throttle` |
/// | 10, 26 | `badKey` | `disableForRun` |
/// | any other | `failed(code:message:)` | `skip` |
///
/// Without an error in the body: 200 → `found` (or `malformed`), 429 → `rateLimited`, 5xx → `serverError`.
package enum LastFMHistoryAnswer: Hashable, Sendable {
    case found(LastFMRecentTracksPage)
    /// Error 6: Last.fm has no user of that name.
    case userNotFound(String)
    /// Error 17: the user's profile is private; their scrobbles cannot be read without their login.
    case privateProfile(String)
    /// Errors 8 (operation failed), 11 (service offline), 16 (temporary error): try again later.
    case temporaryFailure(code: Int)
    /// Error 29: too many requests; back off.
    case rateLimited
    /// Errors 10 (invalid key) and 26 (suspended key): Last.fm is off for the rest of the run.
    case badKey(code: Int)
    /// Another Last.fm error, its message without the key.
    case failed(code: Int, message: String)
    /// 5xx without a Last.fm error in the body.
    case serverError(status: Int)
    /// Another status without a Last.fm error in the body.
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// An answer whose body could not be read.
    case malformed(String)
    /// The request was not sent: it lacks what Last.fm needs.
    case invalidRequest(String)
}

extension LastFMHistoryAnswer: ProviderAnswer {}

extension LastFMHistoryAnswer {
    /// What the run does next.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .temporaryFailure, .serverError, .transportFailed: .retry(after: nil)
        case .rateLimited: .throttle
        case .badKey: .disableForRun
        case .userNotFound, .privateProfile, .failed, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

extension LastFMHistoryAnswer: OutboundAnswer {}

/// One `user.getRecentTracks` exchange.
package typealias LastFMHistoryExchange = EnrichmentExchange<LastFMRecentTracksRequest, LastFMHistoryAnswer>
