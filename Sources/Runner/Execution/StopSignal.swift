import Foundation
import Synchronization

/// Set from a signal handler or another task to end a run: no new request starts, and the one in flight is given
/// ``gracePeriod`` to finish before it is abandoned.
public final class StopSignal: Sendable {
    /// How long a request in flight may still finish after the stop: a normal answer is stored, a trickling one
    /// does not hold the run.
    public static let gracePeriod: TimeInterval = 5

    private let setAt = Mutex<Date?>(nil)

    public init() {}

    public var isSet: Bool { setAt.withLock { $0 != nil } }

    public func set() { setAt.withLock { if $0 == nil { $0 = Date() } } }

    /// Whether the stop came more than ``gracePeriod`` ago: a request still in flight is abandoned then.
    public var graceIsOver: Bool {
        setAt.withLock { $0.map { Date().timeIntervalSince($0) > Self.gracePeriod } ?? false }
    }
}
