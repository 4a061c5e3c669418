import Foundation
import Runner

extension RunLock {
    /// The lock on `databasePath` for a command that writes it: another holder is exit 75 naming it, a lock file that
    /// cannot be made is exit 77.
    static func take(for databasePath: String, now: Date) throws -> RunLock {
        do {
            return try RunLock(databasePath: databasePath, now: now)
        } catch {
            if case .heldByAnotherRun = error { throw CommandFailure(.notDoneYet, error.description) }
            throw CommandFailure(.badConfiguration, error.description)
        }
    }
}
