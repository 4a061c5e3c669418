import CacheStore
import Foundation
import Synchronization

/// The counts a progress display reads, shared between the run loop and the pacer's wait callback.
final class ProgressTracker: Sendable {
    private struct Counts {
        var itemsDone = 0
        var requests = 0
        var requestsLeft = 0
    }

    private let counts = Mutex(Counts())
    private let itemsTotal: Int
    private let secondsPerRequest: TimeInterval

    init(itemsTotal: Int, requestsPlanned: Int, secondsPerRequest: TimeInterval) {
        self.itemsTotal = itemsTotal
        self.secondsPerRequest = secondsPerRequest
        counts.withLock { $0.requestsLeft = requestsPlanned }
    }

    func update(itemsDone: Int, requests: Int, requestsLeft: Int) {
        counts.withLock { $0 = Counts(itemsDone: itemsDone, requests: requests, requestsLeft: requestsLeft) }
    }

    func snapshot(waiting: (reason: WaitReason, until: Date)?, now: Date) -> RunProgress {
        let current = counts.withLock { $0 }
        return RunProgress(
            itemsDone: current.itemsDone, itemsTotal: itemsTotal, requests: current.requests,
            requestsLeft: current.requestsLeft, waiting: waiting,
            estimatedRemaining: Double(current.requestsLeft) * secondsPerRequest, now: now)
    }
}
