import Foundation
import GRDB

/// One run of one or more jobs, as `stats` lists it.
public struct RunRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var jobs: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: String?
    public var fetched: Int
    public var requests: Int
    public var deferred: Int
}

extension SQLiteCacheStore {
    /// Opens a run row; the id ties ledger entries to it.
    public func beginRun(jobs: [String], startedAt: Date, pid: Int32, host: String) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO run (jobs, started_at, pid, host) VALUES (?, ?, ?, ?)",
                arguments: [jobs.joined(separator: ","), startedAt.timeIntervalSince1970, pid, host])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(
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
    public func recentRuns(limit: Int) throws -> [RunRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, jobs, started_at, finished_at, outcome, fetched, requests, deferred
                    FROM run ORDER BY started_at DESC, id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map { row in
                RunRecord(
                    id: row["id"], jobs: row["jobs"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    outcome: row["outcome"], fetched: row["fetched"], requests: row["requests"],
                    deferred: row["deferred"])
            }
        }
    }
}

extension SQLiteCacheStore {
    /// When the latest run that completed everything finished.
    public func lastSuccessfulRun() throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MAX(finished_at) FROM run WHERE outcome = 'completed'"
            ).map(Date.init(timeIntervalSince1970:))
        }
    }
}
