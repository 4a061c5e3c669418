import Synchronization

/// Counts calls across tasks: "answer the first request differently" in scripted transports.
package final class CallCounter: Sendable {
    private let count = Mutex(0)

    package init() {}

    /// Counts one more call and returns its number, starting at 1.
    package func next() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
