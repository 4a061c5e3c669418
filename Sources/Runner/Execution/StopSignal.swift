import Synchronization

/// Set from a signal handler or another task to end a run after the request in flight.
public final class StopSignal: Sendable {
    private let flag = Mutex(false)

    public init() {}

    public var isSet: Bool { flag.withLock { $0 } }

    public func set() { flag.withLock { $0 = true } }
}
