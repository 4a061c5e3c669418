import ArgumentParser
import CacheStore
import Foundation
import Runner
import SharedTier
import SwingCache

struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Evict expired entries, expired known-missing ids and old ledger rows; give the space back.",
        discussion: """
            Deletes in small transactions, so a run or a reader is never blocked for long, then frees the \
            pages with an incremental vacuum.

            With SWINGCACHE_REDIS_URL set, the Redis tier is cleaned too and reported on its own line. Redis \
            drops expired entries itself when they expire; cleanup removes swingcache keys that have no expiry \
            and shared-budget ledger entries older than a day (the longest budget window), and counts what Redis still \
            holds. Exit 69 when \
            Redis cannot be reached (the database is cleaned all the same).

            Examples:
              swingcache cleanup --dry-run
              swingcache cleanup --grace 1d --json
              swingcache cleanup --grace 1d --quiet     # cron: one line, errors on standard error
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Count what would be removed; change nothing.")
    var dryRun = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(name: .shortAndLong, help: "One summary line and errors only (for cron).")
    var quiet = false

    @Option(
        help: ArgumentHelp("Keep entries this long past their expiry, e.g. 6h.", valueName: "duration"),
        transform: DurationArgument.parse)
    var grace: DurationArgument?

    @Option(
        help: ArgumentHelp("Remove ledger rows older than this.", valueName: "duration"),
        transform: DurationArgument.parse)
    var ledgerRetention = DurationArgument(argument: "7d")!

    func run() async throws {
        try await reportingFailures {
            let cache = try store.openStore(dryRun ? .readOnly : .readWrite, checkingIntegrity: !dryRun)
            let policy = CleanupPolicy(grace: grace?.seconds ?? 0, ledgerRetention: ledgerRetention.seconds)
            let report = try await cache.cleanup(now: store.currentTime, policy: policy, dryRun: dryRun)
            let configuration = try store.configuration()
            var redisReport: RedisCleanupReport?
            var redisFailure: String?
            if let tier = configuration.makeRedisTier() {
                do {
                    redisReport = try await tier.cleanup(now: store.currentTime, dryRun: dryRun)
                } catch {
                    redisFailure = "cannot clean the Redis tier at \(tier.redis.url): \(error)"
                }
                await tier.redis.close()
            }
            if json {
                try Terminal.json(CleanupSummary(sqlite: report, redis: redisReport))
            } else {
                let verb = dryRun ? "Would remove" : "Removed"
                print(
                    "\(verb) \(report.entries) expired entries (\(report.tracks) tracks, \(report.albums) albums, \(report.artists) artists), \(report.missingIDs) known-missing ids, \(report.ledgerRows) ledger rows."
                )
                if !dryRun && !quiet { print("Reclaimed \(ByteCount.format(report.bytesReclaimed)).") }
                if let redis = redisReport, !quiet {
                    print(
                        "Redis: \(verb.lowercased()) \(redis.keysWithoutExpiry) keys without an expiry and \(redis.ledgerEntries) ledger entries older than a day; it holds \(redis.entries) entries and \(redis.missingIDs) known-missing ids, each expiring on its own."
                    )
                }
            }
            if let redisFailure { throw CommandFailure(.serviceUnavailable, redisFailure) }
        }
    }
}

/// The SQLite report's fields at the top level, as before the Redis tier existed, and the Redis tier's beside
/// them when one is configured.
struct CleanupSummary: Encodable {
    var sqlite: CleanupReport
    var redis: RedisCleanupReport?

    enum CodingKeys: String, CodingKey {
        case redis
    }

    func encode(to encoder: any Encoder) throws {
        try sqlite.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(redis, forKey: .redis)
    }
}

extension DurationArgument: CustomStringConvertible {
    var description: String { DurationText.format(seconds) }
}

enum ByteCount {
    static func format(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}

extension CleanupCommand: UsesCacheDatabase {}
