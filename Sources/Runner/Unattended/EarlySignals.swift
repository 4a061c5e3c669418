import Foundation
import Synchronization

/// Holds a SIGINT or SIGTERM that arrives before a command's ``StopOnSignals`` group listens, and hands it to the
/// group once it does: a run stopped in its first milliseconds stops as cleanly as one stopped later (exit 75).
///
/// Without it the signal's default action ends the process while the configuration and the database are still
/// being read, before the group's handlers exist.
///
/// ```swift
/// if ["run", "publish"].contains(arguments.first) { EarlySignals.hold() }   // first thing in main
/// ```
package enum EarlySignals {
    /// The signal that arrived while held; 0 for none.
    private static let received = Atomic<Int32>(0)

    /// Replaces the default action of SIGINT and SIGTERM with remembering them, until the group takes them over.
    package static func hold() {
        // Initialised here, not in the handler: a first touch there would run Swift's lazy initialisation, which is
        // not safe in a signal handler; an atomic store is.
        received.store(0, ordering: .relaxed)
        for number in [SIGINT, SIGTERM] {
            signal(number) { EarlySignals.received.store($0, ordering: .relaxed) }
        }
    }

    /// Sends a held signal again, to the whole process, once the group's handlers are in place; false when none was
    /// held.
    static func replay() -> Bool {
        let number = received.exchange(0, ordering: .relaxed)
        guard number != 0 else { return false }
        kill(getpid(), number)
        return true
    }
}
