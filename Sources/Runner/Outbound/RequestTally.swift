/// Where the pipeline counts the requests of one service that reached the network: a run's Spotify summary, a
/// provider's summary.
protocol RequestTally {
    /// Requests counted so far.
    var requests: Int { get }
    /// One more request, answered with `status` (0: no answer).
    mutating func countRequest(status: Int)
    /// One more rate-limit answer (a 429, Last.fm's 29, Deezer's quota code, `QUOTA_EXCEEDED`).
    mutating func countRateLimited()
    /// One more request sent again.
    mutating func countRetry()
}

extension RunSummary: RequestTally {
    mutating func countRequest(status: Int) {
        requests += 1
        responsesByStatus[status, default: 0] += 1
    }

    mutating func countRateLimited() { rateLimited += 1 }

    mutating func countRetry() { retries += 1 }
}

extension ProviderSummary: RequestTally {
    mutating func countRequest(status: Int) {
        requests += 1
        byStatus[String(status), default: 0] += 1
    }

    mutating func countRateLimited() { rateLimited += 1 }

    mutating func countRetry() { retries += 1 }
}
