import Foundation
import GRDB

extension RunStore {
    /// Opens a run row; the id ties ledger entries to it.
    package func beginRun(jobs: [String], startedAt: Date, pid: Int32, host: String) async throws -> Int64 {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO run (jobs, started_at, pid, host) VALUES (?, ?, ?, ?)",
                arguments: [jobs.joined(separator: ","), startedAt.timeIntervalSince1970, pid, host])
            return db.lastInsertedRowID
        }
    }

    package func finishRun(
        _ id: Int64, finishedAt: Date, outcome: String, fetched: Int, requests: Int, deferred: Int, summary: String?
    ) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE run SET finished_at = ?, outcome = ?, fetched = ?, requests = ?, deferred = ?, summary = ?
                    WHERE id = ?
                    """,
                arguments: [finishedAt.timeIntervalSince1970, outcome, fetched, requests, deferred, summary, id])
        }
    }

    /// The latest runs, newest first; one that left no report counts what the database shows of it.
    package func recentRuns(limit: Int) async throws -> [RunRecord] {
        try await writer.read { db in
            var runs = try RunRecord.fetchAll(
                db, sql: "SELECT * FROM run ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit])
            for index in runs.indices where runs[index].outcome == nil {
                runs[index] = try counted(runs[index], db)
            }
            return runs
        }
    }

    /// `run` with its requests from the ledger and, as fetched, the entries written between its start and the next
    /// run's: one run at a time writes a database.
    private func counted(_ run: RunRecord, _ db: Database) throws -> RunRecord {
        var run = run
        let start = run.startedAt.timeIntervalSince1970
        let end =
            try Double.fetchOne(
                db, sql: "SELECT MIN(started_at) FROM run WHERE started_at > ? OR (started_at = ? AND id > ?)",
                arguments: [start, start, run.id]) ?? .greatestFiniteMagnitude
        run.requests =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request_ledger WHERE run_id = ?", arguments: [run.id]) ?? 0
        run.fetched = try ["track", "album", "artist"].reduce(0) { total, table in
            total
                + (try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \(table) WHERE fetched_at >= ? AND fetched_at < ?",
                    arguments: [start, end]) ?? 0)
        }
        return run
    }
}

extension RunStore {
    /// When the latest run that completed everything finished.
    package func lastSuccessfulRun() async throws -> Date? {
        try await writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MAX(finished_at) FROM run WHERE outcome = 'completed'"
            ).map(Date.init(timeIntervalSince1970:))
        }
    }
}
