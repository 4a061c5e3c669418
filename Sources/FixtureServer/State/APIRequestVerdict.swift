/// How the server answers one authorised API request once the injected faults had their say.
enum APIRequestVerdict: Sendable, Equatable {
    /// Answer normally.
    case answer
    /// 429 `QUOTA_EXCEEDED`: the quota (`quotaAfter`) is spent.
    case quotaExceeded
    /// 429: this is an Nth request (`rateLimitEvery`).
    case rateLimited
    /// 503, drawn with `serverErrorRate`.
    case serverError
    /// 200 with the real body cut in half, drawn with `malformedRate`.
    case malformed
}
