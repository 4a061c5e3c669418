import Foundation
import GRDB

/// One run of one or more jobs, as `stats` lists it.
///
/// A run with no `outcome` left no report: it is still going, or was killed. Its `fetched` and `requests` are then
/// what the database shows of it: its requests in the ledger, and the entries written since it started.
package struct RunRecord: Hashable, Sendable, Codable {
    package var id: Int64
    package var jobs: String
    package var startedAt: Date
    package var finishedAt: Date?
    package var outcome: String?
    package var fetched: Int
    package var requests: Int
    package var deferred: Int
    /// The process that ran it, and its host: with no `outcome`, a process that is gone was killed.
    package var pid: Int32?
    package var host: String?
}

/// The columns of a row of `run` that `stats` shows.
extension RunRecord: DecodedRow {}
