import Foundation
import GRDB
import SwingCache

extension AppDatabase {
    package func statistics(now: Date, runLimit: Int = 5) async throws -> StoreStatistics {
        let nowSeconds = now.timeIntervalSince1970
        let (entries, requests, serviceNames) = try await writer.read { db in
            var entries: [String: StoreStatistics.EntryCounts] = [:]
            for kind in EntityKind.allCases {
                var counts = StoreStatistics.EntryCounts()
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FILTER (WHERE expires_at > ?), COUNT(*) FILTER (WHERE expires_at <= ?) FROM \(kind.rawValue)",
                    arguments: [nowSeconds, nowSeconds])!
                counts.fresh = row[0]
                counts.stale = row[1]
                for missing in try Row.fetchAll(
                    db, sql: "SELECT reason, COUNT(*) FROM missing_entity WHERE kind = ? GROUP BY reason",
                    arguments: [kind.rawValue])
                {
                    if missing[0] == MissingReason.invalid.rawValue {
                        counts.invalid = missing[1]
                    } else {
                        counts.knownMissing += missing[1]
                    }
                }
                entries[kind.rawValue] = counts
            }
            var requests: [String: StoreStatistics.RequestCounts] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT service, status, COUNT(*) FILTER (WHERE requested_at > ?), COUNT(*)
                    FROM request_ledger WHERE requested_at > ? GROUP BY service, status
                    """,
                arguments: [nowSeconds - 3600, nowSeconds - 86_400])
            {
                let service: String = row[0]
                let status: Int = row[1]
                requests[service, default: .init()].lastHour += row[2] as Int
                requests[service, default: .init()].last24Hours += row[3] as Int
                requests[service, default: .init()].byStatus[String(status)] = row[3]
            }
            let services = try String.fetchAll(
                db,
                sql: """
                    SELECT service FROM service_mode UNION SELECT service FROM service_state
                    UNION SELECT service FROM quota_observation
                    """)
            return (entries, requests, services)
        }
        var services: [String: StoreStatistics.ServiceSummary] = [:]
        for name in serviceNames {
            let state = try await ledger.serviceState(name)
            services[name] = StoreStatistics.ServiceSummary(
                modes: Dictionary(uniqueKeysWithValues: state.modes.map { ($0.key.rawValue, $0.value.rawValue) }),
                parkedUntil: state.parkedUntil.flatMap { $0 > now ? $0 : nil },
                parkedReason: state.parkedUntil.flatMap { $0 > now ? state.parkedReason : nil },
                learnedQuota: state.learnedQuota)
        }
        return await StoreStatistics(
            entries: entries, requests: requests, services: services, recentRuns: try runs.recentRuns(limit: runLimit),
            databaseBytes: try fileBytes())
    }
}
