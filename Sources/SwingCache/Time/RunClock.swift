import Foundation

/// The time source of everything that waits: the system clock in the command, a manual one in tests.
///
/// Wall-clock `Date`s, because waits are measured against ledger rows that other processes wrote.
package protocol RunClock: Sendable {
    func now() -> Date
    /// Returns at `deadline` (at once if it has passed); throws when the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The system's clock moved to start at another moment (`--now`): time passes as it does, from there.
package struct ShiftedClock: RunClock {
    package let base: any RunClock
    package let offset: TimeInterval

    /// A clock that reads `start` now, on `base`.
    package init(startingAt start: Date, on base: any RunClock = SystemClock()) {
        self.base = base
        offset = start.timeIntervalSince(base.now())
    }

    package func now() -> Date { base.now().addingTimeInterval(offset) }

    package func sleep(until deadline: Date) async throws {
        try await base.sleep(until: deadline.addingTimeInterval(-offset))
    }
}

/// The system's wall clock.
package struct SystemClock: RunClock {
    package init() {}

    package func now() -> Date { Date() }

    package func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) }
    }
}
