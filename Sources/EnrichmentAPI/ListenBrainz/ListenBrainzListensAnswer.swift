import Foundation
import Outbound
import SwingCache

/// What one request for a user's listens came to, classified as the run must treat it.
///
/// | status | answer | action |
/// |---|---|---|
/// | 200 | `found`, newest first (or `malformed`) | `store` |
/// | 404 | `userNotFound` | `skip`: that user's history is not imported |
/// | 429 | `rateLimited(resetIn:)`, from `X-RateLimit-Reset-In` | `retry(after:)`, `throttle` without the header |
/// | 401 | `unauthorized`: the token sent was refused | `disableForRun` |
/// | 400 | `badRequest` | `skip` |
/// | 5xx | `serverError` | `retry` |
package enum ListenBrainzListensAnswer: Hashable, Sendable {
    /// The listens of the asked range, newest first; fewer than asked for at the start of the user's history.
    case found([Listen])
    /// 404: ListenBrainz has no user of that name; its message.
    case userNotFound(String)
    /// 429: wait `resetIn` seconds (nil when the header was missing) and try again.
    case rateLimited(resetIn: TimeInterval?)
    /// 401: the token sent was refused; ListenBrainz is off until another is configured.
    case unauthorized
    case badRequest(String)
    case serverError(status: Int)
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// A 200 whose body could not be read.
    case malformed(String)
    /// The request was not sent: it cannot be valid.
    case invalidRequest(String)
}

extension ListenBrainzListensAnswer: ProviderAnswer {}

extension ListenBrainzListensAnswer {
    /// What the run does next.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .rateLimited(let resetIn?): .retry(after: resetIn)
        case .rateLimited(nil): .throttle
        case .serverError, .transportFailed: .retry(after: nil)
        case .unauthorized: .disableForRun
        case .userNotFound, .badRequest, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

extension ListenBrainzListensAnswer: OutboundAnswer {}

/// One exchange for a user's listens, with the rate-limit headers every ListenBrainz answer carries.
package typealias ListenBrainzListensExchange = ListenBrainzRateLimitedExchange<
    ListenBrainzListensRequest, ListenBrainzListensAnswer
>
