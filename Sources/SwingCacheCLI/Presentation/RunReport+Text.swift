import Foundation
import Runner
import SwingCache

extension RunReport {
    /// The human summary `swingcache run` prints at the end.
    var text: String {
        let seconds = finishedAt.timeIntervalSince(startedAt)
        var lines = [
            "Run\(runID.map { " #\($0)" } ?? "") of \(jobs.joined(separator: ", ")): \(outcome.replacingOccurrences(of: "_", with: " ")) in \(DurationText.format(seconds))\(reason.map { " (\($0))" } ?? "")"
        ]
        lines.append(
            "  items:    \(items.fetched) fetched, \(items.alreadyFresh) already fresh, \(items.knownMissing + items.foundMissing) known-missing, \(items.invalid) invalid, \(items.deferred) deferred, \(items.failed) failed"
        )
        if let library {
            lines.append(
                "  library:  \(library.files) files (\(library.added) added, \(library.changed) changed, \(library.removed) removed), \(library.needingMatching) to match: \(library.matched) matched (\(library.storedFromSearch) stored from their search), \(library.lowConfidence) low-confidence, \(library.ambiguous) ambiguous, \(library.unmatched) unmatched, \(library.failed) failed, \(library.deferred) deferred; \(library.searchRequests) search \(library.searchRequests == 1 ? "request" : "requests")"
            )
            for note in library.review { lines.append("  review:   \(note)") }
        }
        for (name, provider) in (providers ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines.append(
                "  \(name): \(provider.requests) requests, \(provider.stored) stored, \(provider.missing) missing, \(provider.fresh) fresh, \(provider.failed) failed\(provider.skipped.map { " (\($0))" } ?? "")"
            )
        }
        let statuses = requests.byStatus.sorted { $0.key < $1.key }.map {
            "\($0.value)×\($0.key == "0" ? "no answer" : $0.key)"
        }
        let spotify = requests.byService["spotify"] ?? 0
        let others = requests.byService.filter { $0.key != "spotify" }.sorted { $0.key < $1.key }
        let breakdown = others.isEmpty ? "" : " (\(others.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))"
        if !others.isEmpty { lines.append("  requests: \(requests.total) in all\(breakdown)") }
        lines.append(
            "  \(others.isEmpty ? "requests:" : "spotify: ") \(spotify) to Spotify\(statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))"), \(requests.rateLimited) rate-limited, \(requests.retries) retries, \(requests.tokenFetches) token \(requests.tokenFetches == 1 ? "fetch" : "fetches")"
        )
        let totalWait = waitedSeconds.values.reduce(0, +)
        if totalWait > 0 {
            let parts = waitedSeconds.sorted { $0.value > $1.value }.filter { $0.value > 0 }.map {
                "\($0.key.replacingOccurrences(of: "_", with: " ")) \(DurationText.format($0.value))"
            }
            lines.append("  waited:   \(DurationText.format(totalWait)): \(parts.joined(separator: ", "))")
        }
        for change in modeChanges { lines.append("  learned:  \(change)") }
        if let parkedUntil {
            lines.append(
                "  Spotify is parked until \(parkedUntil.formatted(.iso8601)); the next run after that resumes"
            )
        }
        return lines.joined(separator: "\n")
    }
}
