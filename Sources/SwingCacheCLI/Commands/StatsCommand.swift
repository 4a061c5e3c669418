import ArgumentParser
import CacheStore
import Foundation
import SwingCache

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show entries by kind and state, requests per service in the last hour and day, and the last runs.",
        discussion: """
            Reads only; safe while a run is going.

            Examples:
              swingcache stats
              swingcache stats --json | jq .requests
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let cache = try store.openStore(.readOnly)
            let stats = try await cache.statistics(now: store.currentTime)
            if json {
                try Terminal.json(stats)
                return
            }
            let size = cache.fileExists ? ByteCount.format(stats.databaseBytes) : "not created yet"
            print("Database \(cache.path) (\(size))")
            print("Entries:")
            for kind in EntityKind.allCases {
                let counts = stats.entries[kind.rawValue] ?? .init()
                print(
                    "  \(kind.plural.padding(toLength: 8, withPad: " ", startingAt: 0)) \(counts.fresh) fresh, \(counts.stale) stale, \(counts.knownMissing) known-missing, \(counts.invalid) invalid"
                )
            }
            print("Requests:")
            if stats.requests.isEmpty { print("  none in the last 24 hours") }
            for (service, counts) in stats.requests.sorted(by: { $0.key < $1.key }) {
                let statuses = counts.byStatus.sorted { $0.key < $1.key }.map {
                    "\($0.value)×\($0.key == "0" ? "no answer" : $0.key)"
                }
                print(
                    "  \(service): \(counts.lastHour) in the last hour, \(counts.last24Hours) in 24 h (\(statuses.joined(separator: ", ")))"
                )
            }
            for (service, summary) in stats.services.sorted(by: { $0.key < $1.key }) {
                let modes = summary.modes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                var line = "  \(service) mode: \(modes.isEmpty ? "not yet probed" : modes.joined(separator: ", "))"
                if let until = summary.parkedUntil {
                    line += "; parked until \(until.formatted(.iso8601))"
                    if let reason = summary.parkedReason { line += " (\(reason))" }
                }
                if let learned = summary.learnedQuota {
                    line +=
                        "; quota ceiling learned \(learned.observedAt.formatted(.iso8601)): refused after \(learned.requestsInDay) requests in 24 h (\(learned.requestsInHour) in 1 h)"
                }
                print(line)
            }
            print("Last runs:")
            if stats.recentRuns.isEmpty { print("  none yet") }
            let formatter = ISO8601DateFormatter()
            for run in stats.recentRuns {
                let outcome = run.outcome ?? (Self.isGone(run) ? "killed before its report" : "running or interrupted")
                print(
                    "  #\(run.id) \(formatter.string(from: run.startedAt)) \(run.jobs): \(outcome), \(run.fetched) fetched, \(run.requests) requests, \(run.deferred) deferred"
                )
            }
        }
    }
}

extension StatsCommand: UsesCacheDatabase {
    /// Whether the process that ran `run` on this host no longer exists: a run with no report was then killed.
    static func isGone(_ run: RunRecord) -> Bool {
        guard let pid = run.pid, pid > 0, run.host == ProcessInfo.processInfo.hostName else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
