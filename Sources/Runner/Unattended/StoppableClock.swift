import Foundation
import SwingCache

/// A clock whose sleeps end early, with `CancellationError`, once a stop is requested: a signal ends a long
/// wait (a Retry-After, the hourly window) at once, yet never cuts off a request in flight.
public struct StoppableClock: RunClock {
    public let base: any RunClock
    public let stop: StopSignal
    /// How often a sleep looks at the stop signal.
    public var slice: TimeInterval = 0.1

    public init(base: any RunClock, stop: StopSignal) {
        self.base = base
        self.stop = stop
    }

    public func now() -> Date { base.now() }

    public func sleep(until deadline: Date) async throws {
        while true {
            if stop.isSet { throw CancellationError() }
            let now = base.now()
            if now >= deadline { return }
            try await base.sleep(until: min(deadline, now.addingTimeInterval(slice)))
        }
    }
}
