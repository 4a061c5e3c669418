import Foundation

/// What the run does after one answer of a provider: the same decision for every provider, so the runner needs no
/// provider-specific rules. Each answer type says which action it calls for (`answer.action`).
///
/// ```swift
/// switch exchange.answer.action {
/// case .store: write(exchange.answer)
/// case .retry(let after): await pacer.wait(after ?? retryPolicy.backoff(beforeRetry: attempt, using: &random))
/// …
/// }
/// ```
public enum ProviderAction: Hashable, Sendable {
    /// The provider answered: store what came back.
    case store
    /// The provider does not know the item: remember that it is missing, with its own shorter expiry.
    case rememberMissing
    /// Send the same request again, no sooner than `after` seconds from now; nil when the provider named no time,
    /// so the run's backoff decides.
    case retry(after: TimeInterval?)
    /// Call this provider no more in this run: its key was refused, it needs a token, it was retired.
    case disableForRun
    /// This item failed (a bad request, an unreadable answer): report it and go on with the next one.
    case skipItem
}
