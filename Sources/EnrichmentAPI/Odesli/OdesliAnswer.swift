import Foundation
import Outbound
import SwingCache

/// What one Odesli request came to, classified as the run must treat it.
///
/// | status | answer |
/// |---|---|
/// | 200 | `found`: platform → link (or `malformed`) |
/// | 401, 410 | `retired`: the public API is gone or the key is not allow-listed |
/// | 429 | `rateLimited` |
/// | 400 | `badRequest`: Odesli cannot resolve the link |
/// | 404 | `notFound` |
/// | 5xx | `serverError` |
package enum OdesliAnswer: Hashable, Sendable {
    /// Links by platform (`spotify`, `deezer`, `appleMusic`, `youtube`, …).
    case found([String: String])
    /// 401 `PUBLIC_API_ACCESS_DEPRECATED` or 410: Odesli is off for the rest of the run.
    case retired(status: Int)
    /// 429: wait `Retry-After` (nil when missing) and try again.
    case rateLimited(retryAfter: TimeInterval?)
    /// 400: Odesli could not resolve the link (its `code`, e.g. `could_not_fetch_entity_data`).
    case badRequest(String)
    case notFound
    case serverError(status: Int)
    case unexpectedStatus(Int)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// A 200 whose body could not be read: the request failed; nothing is stored.
    case malformed(String)
    /// The request was not sent.
    case invalidRequest(String)
}

extension OdesliAnswer: ProviderAnswer {}

extension OdesliAnswer {
    /// What the run does next.
    package var action: OutboundAction {
        switch self {
        case .found: .store
        case .notFound: .rememberMissing
        case .rateLimited(let retryAfter?): .retry(after: retryAfter)
        case .rateLimited(nil): .throttle
        case .serverError, .transportFailed: .retry(after: nil)
        case .retired: .disableForRun
        case .badRequest, .unexpectedStatus, .malformed, .invalidRequest: .skip
        }
    }
}

/// One Odesli exchange.
package typealias OdesliExchange = EnrichmentExchange<OdesliLinksRequest, OdesliAnswer>

extension OdesliAnswer: OutboundAnswer {}
