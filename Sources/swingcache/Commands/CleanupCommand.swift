import ArgumentParser
import CacheStore
import Foundation
import SwingCache

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Evict expired entries, expired known-missing ids and old ledger rows; give the space back.",
        discussion: """
            Deletes in small transactions, so a run or a reader is never blocked for long, then frees the \
            pages with an incremental vacuum.

            Examples:
              swingcache cleanup --dry-run
              swingcache cleanup --grace 1d --json
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Count what would be removed; change nothing.")
    var dryRun = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Keep entries this long past their expiry, e.g. 6h.", valueName: "duration"))
    var grace: DurationArgument?

    @Option(help: ArgumentHelp("Remove ledger rows older than this.", valueName: "duration"))
    var ledgerRetention = DurationArgument(argument: "7d")!

    func run() throws {
        try reportingFailures {
            let cache = try store.openStore(dryRun ? .readOnly : .readWrite)
            let policy = CleanupPolicy(grace: grace?.seconds ?? 0, ledgerRetention: ledgerRetention.seconds)
            let report = try cache.cleanup(now: store.currentTime, policy: policy, dryRun: dryRun)
            if json {
                try Terminal.json(report)
            } else {
                let verb = dryRun ? "Would remove" : "Removed"
                print(
                    "\(verb) \(report.entries) expired entries (\(report.tracks) tracks, \(report.albums) albums, \(report.artists) artists), \(report.missingIDs) known-missing ids, \(report.ledgerRows) ledger rows."
                )
                if !dryRun { print("Reclaimed \(ByteCount.format(report.bytesReclaimed)).") }
            }
        }
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
