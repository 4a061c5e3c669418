import Foundation
import Runner
import SwingCache

extension PublishReport {
    /// The summary a person reads.
    var text: String {
        var lines: [String] = []
        let verb = dryRun ? "Would publish" : "Published"
        let counts = Dictionary(grouping: playlists, by: \.change).mapValues(\.count)
        let changes = [Change.created, .updated, .unchanged, .removed, .skipped].compactMap { change in
            counts[change].map { "\($0) \(change.rawValue)" }
        }
        lines.append(
            "\(verb) to SwingMusic as \(account): \(playlists.count) playlist\(playlists.count == 1 ? "" : "s")"
                + (changes.isEmpty ? "" : " (\(changes.joined(separator: ", ")))") + ".")
        for playlist in playlists {
            var line = "  \(playlist.name): \(playlist.change.rawValue), \(playlist.tracks) tracks"
            if playlist.added > 0 || playlist.removed > 0 { line += " (+\(playlist.added) −\(playlist.removed))" }
            if let note = playlist.note { line += "; \(note)" }
            lines.append(line)
        }
        for entry in history {
            let fetched = entry.fetched.sorted { $0.key < $1.key }.map { "\($0.value) from \($0.key)" }
            lines.append(
                "History of \(entry.user): \(fetched.isEmpty ? "nothing read" : fetched.joined(separator: ", ")); \(entry.imported) plays \(dryRun ? "to import" : "imported")\(entry.fromEarlierListens > 0 ? " (\(entry.fromEarlierListens) from listens kept before, whose song is now in the library)" : ""), \(entry.alreadyInSwingMusic) already in SwingMusic, \(entry.duplicatesAcrossServices) reported by both services, \(entry.unmatched) not in the library (\(entry.keptForLater) kept for a later publish)\(entry.skippedBySwingMusic > 0 ? ", \(entry.skippedBySwingMusic) skipped by SwingMusic" : "")."
            )
            for (service, note) in entry.notes.sorted(by: { $0.key < $1.key }) { lines.append("  \(service): \(note)") }
        }
        let services = requests.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.requests)" }
        if !services.isEmpty { lines.append("Requests: \(services.joined(separator: ", ")).") }
        if let stoppedBecause { lines.append("Stopped: \(stoppedBecause)") }
        return lines.joined(separator: "\n")
    }
}
