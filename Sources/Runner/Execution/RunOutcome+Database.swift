import CacheStore
import Outbound

extension RunOutcome {
    /// How a run ends when writing to its database failed: with the store's sentence (a full disk, an I/O error,
    /// named with the database's path), deferred when another process keeps the database busy, else for a person
    /// to act on (exit 77). Nil for what is not the database's error, such as a stop request that ended a wait.
    static func databaseFailure(_ error: any Error, path: String) -> RunOutcome? {
        guard let failure = AppDatabase.storeError(for: error, path: path) else { return nil }
        return failure.problem == .busy ? .deferred(failure.description) : .configurationError(failure.description)
    }
}
