/// How the server answers one authorised API request once the injected faults had their say.
enum APIRequestVerdict: Sendable, Equatable {
    /// Answer normally.
    case answer
    /// 429 `QUOTA_EXCEEDED` with `Retry-After: retryAfter`: the quota (`quotaAfter`, `quotaPerDay`) is spent.
    case quotaExceeded(retryAfter: Int)
    /// 429: this is an Nth request (`rateLimitEvery`).
    case rateLimited
    /// 503, drawn with `serverErrorRate`.
    case serverError
    /// 200 with the real body cut in half, drawn with `malformedRate`.
    case malformed
}
