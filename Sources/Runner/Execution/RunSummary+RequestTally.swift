import Outbound

extension RunSummary: RequestTally {
    package mutating func countRequest(status: Int) {
        requests += 1
        responsesByStatus[status, default: 0] += 1
    }

    package mutating func countRateLimited() { rateLimited += 1 }

    package mutating func countRetry() { retries += 1 }
}
