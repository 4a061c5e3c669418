import Foundation
import SwingCache

/// Time that stands still: a sleep to a later moment ends only when its task is cancelled, with `CancellationError`,
/// so a test sees that something else (a graceful shutdown, an answer) ended the wait, without waiting for real.
public struct HaltedClock: RunClock {
    private let moment: Date

    public init(at moment: Date = .testEpoch) {
        self.moment = moment
    }

    public func now() -> Date { moment }

    public func sleep(until deadline: Date) async throws {
        guard deadline > moment else { return }
        let (never, continuation) = AsyncStream.makeStream(of: Never.self)
        for await _ in never {}
        withExtendedLifetime(continuation) {}
        throw CancellationError()
    }
}
