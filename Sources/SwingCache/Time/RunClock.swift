import Foundation

/// The time source of everything that waits: the system clock in the command, a manual one in tests.
///
/// Wall-clock `Date`s, because waits are measured against ledger rows that other processes wrote.
public protocol RunClock: Sendable {
    func now() -> Date
    /// Returns at `deadline` (at once if it has passed); throws when the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The system's wall clock.
public struct SystemClock: RunClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) }
    }
}
