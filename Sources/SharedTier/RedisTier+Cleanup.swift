import Foundation
import RedisClient

/// What cleanup found and removed in the Redis tier (or, in a dry run, would remove).
///
/// Redis evicts expired entries itself, at the moment they expire; cleanup removes what would otherwise stay
/// forever: keys left without an expiry, and ledger entries older than the rolling day (the longest budget window).
public struct RedisCleanupReport: Hashable, Sendable, Codable {
    public var dryRun: Bool
    /// Cached entities Redis holds after cleanup.
    public var entries = 0
    /// Known-missing ids Redis holds after cleanup.
    public var missingIDs = 0
    /// Cache keys found without an expiry (written by hand, or by a tool that forgot it), removed.
    public var keysWithoutExpiry = 0
    /// Ledger entries older than a day, removed from the shared budget.
    public var ledgerEntries = 0
}

extension RedisTier {
    /// Walks the keys under the prefix with SCAN (never KEYS, which blocks the server), a page at a time.
    public func cleanup(now: Date, dryRun: Bool) async throws -> RedisCleanupReport {
        var report = RedisCleanupReport(dryRun: dryRun)
        var freshnessKeys = 0
        let dayAgo = String(RedisCatalogCache.milliseconds(now) - 86_400_000)
        var cursor = "0"
        repeat {
            let page = try await redis.send(["SCAN", cursor, "MATCH", Self.globEscaped(prefix) + "*", "COUNT", "1000"])
            guard let parts = page.array, parts.count == 2, let next = parts[0].string, let keys = parts[1].array
            else { throw RedisError("SCAN answered \(page)") }
            cursor = next
            let names = keys.compactMap(\.string)
            var expiring: [String] = []
            var ledgers: [String] = []
            for name in names {
                let local = name.dropFirst(prefix.count)
                if local.hasPrefix("ledger:") {
                    ledgers.append(name)
                } else if !local.hasPrefix("state:") && !local.hasPrefix("token:") {
                    expiring.append(name)
                }
            }
            let lifetimes = try await redis.pipeline(expiring.map { ["PTTL", $0] })
            var forever: [String] = []
            for (name, lifetime) in zip(expiring, lifetimes) {
                guard let milliseconds = lifetime.integer, milliseconds != -2 else { continue }
                if milliseconds == -1 {
                    forever.append(name)
                } else if name.dropFirst(prefix.count).hasPrefix("fresh:") {
                    freshnessKeys += 1
                } else {
                    report.entries += 1
                }
            }
            report.keysWithoutExpiry += forever.count
            if !dryRun && !forever.isEmpty { try await redis.send(["DEL"] + forever) }
            let trimmed = try await redis.pipeline(
                ledgers.map {
                    dryRun ? ["ZCOUNT", $0, "-inf", "(" + dayAgo] : ["ZREMRANGEBYSCORE", $0, "-inf", "(" + dayAgo]
                })
            report.ledgerEntries += trimmed.compactMap(\.integer).reduce(0, +)
        } while cursor != "0"
        report.missingIDs = max(0, freshnessKeys - report.entries)
        return report
    }

    /// The prefix as a SCAN pattern that matches it literally.
    static func globEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
