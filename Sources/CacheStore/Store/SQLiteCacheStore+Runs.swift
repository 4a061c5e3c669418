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

/// The columns of a row of `run` that `stats` shows.
extension RunRecord: FetchableRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
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
            try RunRecord.fetchAll(
                db, sql: "SELECT * FROM run ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit])
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
