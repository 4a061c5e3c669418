import Outbound

extension ProviderSummary: RequestTally {
    package mutating func countRequest(status: Int) {
        requests += 1
        byStatus[String(status), default: 0] += 1
    }

    package mutating func countRateLimited() { rateLimited += 1 }

    package mutating func countRetry() { retries += 1 }
}
