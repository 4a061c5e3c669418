import Foundation
import Outbound
import SwingCache

/// What one popularity request came to, classified as the run must treat it.
///
/// | status | answer |
/// |---|---|
/// | 200 | `found`, in request order (or `malformed` when it does not match the request) |
/// | 429 | `rateLimited(resetIn:)`, from `X-RateLimit-Reset-In` |
/// | 401 | `unauthorized`: a token is needed, or the one sent was refused |
/// | 400 | `badRequest` |
/// | 5xx | `serverError` |
package enum ListenBrainzAnswer: Hashable, Sendable {
    /// One row per requested id, in request order; counts ListenBrainz does not have are nil.
    case found([ListenBrainzPopularity])
    /// 429: wait `resetIn` seconds (nil when the header was missing) and try again.
    case rateLimited(resetIn: TimeInterval?)
    /// 401: ListenBrainz wants a valid `Authorization: Token …`; it is off until one is configured.
    case unauthorized
    case badRequest(String)
    case serverError(status: Int)
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// A 200 whose body could not be read: the request failed; nothing is stored.
    case malformed(String)
    /// The request was not sent: no ids, or more than one request takes.
    case invalidRequest(String)
}

extension ListenBrainzAnswer: ProviderAnswer {}

extension ListenBrainzAnswer {
    /// What the run does next.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .rateLimited(let resetIn?): .retry(after: resetIn)
        case .rateLimited(nil): .throttle
        case .serverError, .transportFailed: .retry(after: nil)
        case .unauthorized: .disableForRun
        case .badRequest, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

/// One popularity exchange, with the rate-limit headers every ListenBrainz answer carries.
package typealias ListenBrainzExchange = ListenBrainzRateLimitedExchange<
    ListenBrainzPopularityRequest, ListenBrainzAnswer
>

extension ListenBrainzAnswer: OutboundAnswer {}
