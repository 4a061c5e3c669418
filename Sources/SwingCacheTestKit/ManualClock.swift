import Foundation
import SwingCache
import Synchronization

/// Virtual time for tests: `sleep(until:)` returns at once, having moved the clock to the deadline, so a test
/// of a 2-second interval or a one-hour window takes microseconds and says exactly when each thing happened.
package final class ManualClock: RunClock {
    private let current: Mutex<Date>
    private let sleeps = Mutex<[Date]>([])

    package init(start: Date = .testEpoch) {
        current = Mutex(start)
    }

    package func now() -> Date { current.withLock { $0 } }

    package func sleep(until deadline: Date) async throws {
        try Task.checkCancellation()
        sleeps.withLock { $0.append(deadline) }
        current.withLock { if deadline > $0 { $0 = deadline } }
    }

    package func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Every deadline slept until, in order.
    package var sleptUntil: [Date] { sleeps.withLock { $0 } }
}
