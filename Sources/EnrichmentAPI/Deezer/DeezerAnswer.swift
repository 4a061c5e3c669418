import Outbound
import SwingCache

/// What one Deezer request came to, classified as the run must treat it.
///
/// Deezer answers its errors with HTTP 200 and `{"error":{"type","message","code"}}`, so the body decides first:
///
/// | body `error.code` | answer |
/// |---|---|
/// | 800 (`DataException`, "no data") | `notFound` |
/// | 4 (quota) | `rateLimited` |
/// | 700 (service busy) | `temporaryFailure` |
/// | any other | `failed(code:message:)` |
///
/// Without an error in the body: 200 → `found` (or `malformed`), 5xx → `serverError`.
package enum DeezerAnswer: Hashable, Sendable {
    case found(DeezerTrack)
    /// Error 800: Deezer has no track with this ISRC.
    case notFound
    /// Error 4: over Deezer's quota (about 50 requests per 5 s); wait for the window to pass.
    case rateLimited
    /// Error 700: Deezer is busy; try again later.
    case temporaryFailure(code: Int)
    /// Another Deezer error.
    case failed(code: Int, message: String)
    case serverError(status: Int)
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// An answer whose body could not be read: the request failed; nothing is stored.
    case malformed(String)
    /// The request was not sent.
    case invalidRequest(String)
}

extension DeezerAnswer: ProviderAnswer {}

extension DeezerAnswer {
    /// What the run does next; a quota answer backs Deezer off by its ``Provider/throttle`` policy.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .notFound: .rememberMissing
        case .rateLimited: .throttle
        case .temporaryFailure, .serverError, .transportFailed: .retry(after: nil)
        case .failed, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

/// One Deezer exchange.
package typealias DeezerExchange = EnrichmentExchange<DeezerTrackRequest, DeezerAnswer>

extension DeezerAnswer: OutboundAnswer {}
