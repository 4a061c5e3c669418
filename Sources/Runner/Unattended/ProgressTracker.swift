import CacheStore
import Foundation
import SwingCache
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
    private let minInterval: TimeInterval
    private let perHour: Int
    private let phase: String?
    private let unit: String

    init(
        itemsTotal: Int, requestsPlanned: Int, minInterval: TimeInterval, perHour: Int, phase: String? = nil,
        unit: String = "items"
    ) {
        self.itemsTotal = itemsTotal
        self.phase = phase
        self.unit = unit
        self.minInterval = minInterval
        self.perHour = max(1, perHour)
        counts.withLock { $0.requestsLeft = requestsPlanned }
    }

    func update(itemsDone: Int, requests: Int, requestsLeft: Int) {
        counts.withLock { $0 = Counts(itemsDone: itemsDone, requests: requests, requestsLeft: requestsLeft) }
    }

    /// At the interval while the hour's budget lasts; at the hourly rate beyond it.
    private func estimate(requestsLeft: Int) -> TimeInterval {
        let byInterval = Double(requestsLeft) * minInterval
        guard requestsLeft > perHour else { return byInterval }
        return max(byInterval, Double(requestsLeft - perHour) / Double(perHour) * 3600)
    }

    func snapshot(waiting: (reason: WaitReason, until: Date)?, now: Date) -> RunProgress {
        let current = counts.withLock { $0 }
        return RunProgress(
            phase: phase, unit: unit, itemsDone: current.itemsDone, itemsTotal: itemsTotal, requests: current.requests,
            requestsLeft: current.requestsLeft, waiting: waiting,
            estimatedRemaining: estimate(requestsLeft: current.requestsLeft), now: now)
    }
}
