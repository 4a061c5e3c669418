import Foundation

/// What a run does after one answer of any service — Spotify, a provider, SwingMusic — so that one pipeline handles
/// every answer the same way. Each answer type says which action it calls for (`answer.action`).
///
/// ```swift
/// switch exchange.answer.action {
/// case .store: write(exchange.answer)
/// case .retry(let after): await pacer.backOff(for: after ?? retryPolicy.backoff(beforeRetry: attempt, using: &random))
/// …
/// }
/// ```
package enum OutboundAction: Hashable, Sendable {
    /// The service answered: store what came back.
    case store
    /// The service does not know the item: remember that it is missing, with its own shorter expiry.
    case rememberMissing
    /// Send the same request again, no sooner than `after` seconds from now (a `Retry-After`, a reset, a service's
    /// own rule); nil when nothing names a time, so the run's backoff decides. A wait beyond the run's ceiling parks
    /// the service instead: a server is never asked sooner than it said.
    case retry(after: TimeInterval?)
    /// The service says it is rate limited without saying for how long (Last.fm error 29, Deezer code 4, a 429
    /// without `Retry-After`): back the service off by its ``ThrottlePolicy``, and park it after repeated ones.
    case throttle
    /// Stop calling the service for `seconds` (nil: a day), for every runner: its quota is spent.
    case park(seconds: TimeInterval?, reason: String)
    /// The credential was refused: get a new one and send once more.
    case renewToken
    /// Call this service no more in this run: its key was refused, it needs a token, it was retired.
    case disableForRun
    /// This item failed for a reason of its own (a bad request, an answer the caller must read): hand the answer to
    /// the caller and go on with the next item.
    case skip
    /// This request failed (an unexpected status, an unreadable answer): it counts towards the service's breaker.
    case fail
    /// The service refuses the run's configuration (a blocked app, wrong credentials): end the whole run.
    case stop
}

/// An answer of a service that says what the run does next.
package protocol OutboundAnswer: Sendable {
    var action: OutboundAction { get }
}

/// One request's exchange as the outbound pipeline reads it, whatever the service.
package protocol OutboundExchange: Sendable {
    associatedtype Answer: OutboundAnswer
    /// The HTTP status, or 0 when no answer came back or no request was sent.
    var status: Int { get }
    var answer: Answer { get }
    /// Whether a request reached the network (and so counts against the budget).
    var reachedNetwork: Bool { get }
    var duration: TimeInterval { get }
}
