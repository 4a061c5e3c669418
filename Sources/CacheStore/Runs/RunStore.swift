import GRDB

/// Each run of `swingcache run`: its jobs, times, counts and outcome.
///
/// ```swift
/// let runs = try await database.runs.recentRuns(limit: 5)
/// ```
package struct RunStore: Sendable {
    let writer: any DatabaseWriter
}
