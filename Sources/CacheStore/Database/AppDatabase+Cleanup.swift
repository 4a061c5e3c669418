import Foundation
import GRDB
import SwingCache

extension AppDatabase {
    /// Evicts expired entries, expired known-missing ids, expired provider facts and old ledger rows in small
    /// transactions, then hands the freed pages back to the file system.
    package func cleanup(now: Date, policy: CleanupPolicy = CleanupPolicy(), dryRun: Bool) async throws -> CleanupReport
    {
        let entryCutoff = now.addingTimeInterval(-policy.grace).timeIntervalSince1970
        let ledgerCutoff = now.addingTimeInterval(-policy.ledgerRetention).timeIntervalSince1970
        var report = CleanupReport(dryRun: dryRun)
        let sizeBefore = try await fileBytes()
        report.tracks = try await evict(
            from: "track", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.albums = try await evict(
            from: "album", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.artists = try await evict(
            from: "artist", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.missingIDs = try await evict(
            from: "missing_entity", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.lastfmTracks = try await evict(
            from: "lastfm_track", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.musicbrainzRecordings = try await evict(
            from: "musicbrainz_recording", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.listenbrainzPopularity = try await evict(
            from: "listenbrainz_popularity", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        report.trackLinks = try await evict(
            from: "track_link", where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        for table in ISRCFactTable.registered {
            report.factTables[table.name] = try await evict(
                from: table.name, where: "expires_at < ?", entryCutoff, policy: policy, dryRun: dryRun)
        }
        report.ledgerRows = try await evict(
            from: "request_ledger", where: "requested_at < ?", ledgerCutoff, policy: policy, dryRun: dryRun)
        if !dryRun {
            try await reclaimFreePages()
            report.bytesReclaimed = max(0, sizeBefore - (try await fileBytes()))
        }
        return report
    }

    private func evict(
        from table: String, where condition: String, _ cutoff: Double, policy: CleanupPolicy, dryRun: Bool
    ) async throws -> Int {
        if dryRun {
            return try await writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: [cutoff]) ?? 0
            }
        }
        // missing_entity has no rowid: its batches are chosen by primary key instead.
        let key =
            table == "missing_entity" ? (row: "(kind, id)", columns: "kind, id") : (row: "rowid", columns: "rowid")
        var removed = 0
        while true {
            let changes = try await writer.write { db in
                try db.execute(
                    sql:
                        "DELETE FROM \(table) WHERE \(key.row) IN (SELECT \(key.columns) FROM \(table) WHERE \(condition) LIMIT ?)",
                    arguments: [cutoff, policy.batchSize])
                return db.changesCount
            }
            removed += changes
            if changes < policy.batchSize { return removed }
        }
    }

    /// Frees pages a few at a time, so no single write holds the database for long.
    private func reclaimFreePages() async throws {
        while true {
            let remaining = try await writer.write { db in
                try db.execute(sql: "PRAGMA incremental_vacuum(4096)")
                return try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            }
            if remaining == 0 { break }
        }
        try await writer.writeWithoutTransaction { db in
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// The bytes the database occupies, pages in use and free.
    package func fileBytes() async throws -> Int {
        try await writer.read { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * pageSize
        }
    }
}
