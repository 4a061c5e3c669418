import Foundation

/// How a run retries failed requests and when it gives up on a service.
package struct RetryPolicy: Hashable, Sendable {
    /// Tries of one request, the first included, before it counts as failed. Default 4.
    package var maxAttempts: Int
    /// The backoff ceiling of the first retry; it doubles with each further one. Default 1 s.
    package var baseDelay: TimeInterval
    /// No backoff is longer than this. Default 60 s.
    package var maxDelay: TimeInterval
    /// A `Retry-After` up to this long is waited for; a longer one parks the service. Default 5 minutes.
    package var retryAfterCeiling: TimeInterval
    /// After this many failed requests in a row the run stops: the service is down, not flaky. Default 5.
    package var breakerThreshold: Int

    package init(
        maxAttempts: Int = 4, baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 60,
        retryAfterCeiling: TimeInterval = 300, breakerThreshold: Int = 5
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryAfterCeiling = retryAfterCeiling
        self.breakerThreshold = breakerThreshold
    }

    /// The wait before retry number `retry` (1 for the first): "full jitter", a uniform draw below an
    /// exponentially growing ceiling, so that many clients do not retry in step.
    package func backoff<G: RandomNumberGenerator>(beforeRetry retry: Int, using generator: inout G) -> TimeInterval {
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(max(0, retry - 1))))
        return ceiling > 0 ? Double.random(in: 0...ceiling, using: &generator) : 0
    }
}
