import Foundation
import GRDB

/// One run of one or more jobs, as `stats` lists it.
package struct RunRecord: Hashable, Sendable, Codable {
    package var id: Int64
    package var jobs: String
    package var startedAt: Date
    package var finishedAt: Date?
    package var outcome: String?
    package var fetched: Int
    package var requests: Int
    package var deferred: Int
}

/// The columns of a row of `run` that `stats` shows.
extension RunRecord: DecodedRow {}

extension SQLiteCacheStore {
    /// Opens a run row; the id ties ledger entries to it.
    package func beginRun(jobs: [String], startedAt: Date, pid: Int32, host: String) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO run (jobs, started_at, pid, host) VALUES (?, ?, ?, ?)",
                arguments: [jobs.joined(separator: ","), startedAt.timeIntervalSince1970, pid, host])
            return db.lastInsertedRowID
        }
    }

    package func finishRun(
        _ id: Int64, finishedAt: Date, outcome: String, fetched: Int, requests: Int, deferred: Int, summary: String?
    ) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE run SET finished_at = ?, outcome = ?, fetched = ?, requests = ?, deferred = ?, summary = ?
                    WHERE id = ?
                    """,
                arguments: [finishedAt.timeIntervalSince1970, outcome, fetched, requests, deferred, summary, id])
        }
    }

    /// The latest runs, newest first.
    package func recentRuns(limit: Int) throws -> [RunRecord] {
        try writer.read { db in
            try RunRecord.fetchAll(
                db, sql: "SELECT * FROM run ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit])
        }
    }
}

extension SQLiteCacheStore {
    /// When the latest run that completed everything finished.
    package func lastSuccessfulRun() throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MAX(finished_at) FROM run WHERE outcome = 'completed'"
            ).map(Date.init(timeIntervalSince1970:))
        }
    }
}
