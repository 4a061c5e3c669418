import Foundation

/// What one `swingcache publish` did, or with `--dry-run` would do: per playlist, per user's history, per service.
public struct PublishReport: Sendable, Codable {
    public enum Change: String, Sendable, Codable {
        case created, updated, unchanged, removed
        /// Not published: its name is taken by a playlist of the account's own, twice over.
        case skipped
    }

    public struct Playlist: Sendable, Codable {
        public var name: String
        public var key: String
        public var change: Change
        public var tracks: Int
        /// Songs that joined it and songs that left it in this publish.
        public var added: Int
        public var removed: Int
        /// SwingMusic's id, once it has one.
        public var id: Int?
        public var note: String?
    }

    public struct History: Sendable, Codable {
        /// The SwingMusic user the plays were written for.
        public var user: String
        /// Listens read from each service (`lastfm`, `listenbrainz`) since the last import.
        public var fetched: [String: Int] = [:]
        /// Plays written into SwingMusic (would be, with `--dry-run`).
        public var imported = 0
        /// Listens both services reported: imported once.
        public var duplicatesAcrossServices = 0
        /// Listens SwingMusic already holds: plays it scrobbled to Last.fm itself, or ones imported before.
        public var alreadyInSwingMusic = 0
        /// Listens of songs not in the library.
        public var unmatched = 0
        /// Why the import of a service stopped short or was skipped, by service.
        public var notes: [String: String] = [:]
    }

    public var dryRun: Bool
    public var account: String
    public var playlists: [Playlist] = []
    public var history: [History] = []
    /// Requests that reached each service, by its name: `swingmusic`, `lastfm`, `listenbrainz`.
    public var requests: [String: ProviderSummary] = [:]
    /// Why publishing ended before it was done; nil when it finished.
    public var stoppedBecause: String?

    public init(dryRun: Bool, account: String) {
        self.dryRun = dryRun
        self.account = account
    }

    /// The summary a person reads.
    public var text: String {
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
                "History of \(entry.user): \(fetched.isEmpty ? "nothing read" : fetched.joined(separator: ", ")); \(entry.imported) plays \(dryRun ? "to import" : "imported"), \(entry.alreadyInSwingMusic) already in SwingMusic, \(entry.duplicatesAcrossServices) reported by both services, \(entry.unmatched) not in the library."
            )
            for (service, note) in entry.notes.sorted(by: { $0.key < $1.key }) { lines.append("  \(service): \(note)") }
        }
        let services = requests.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.requests)" }
        if !services.isEmpty { lines.append("Requests: \(services.joined(separator: ", ")).") }
        if let stoppedBecause { lines.append("Stopped: \(stoppedBecause)") }
        return lines.joined(separator: "\n")
    }
}

/// Why publishing could not go on, and the exit status that says so.
public struct PublishFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The account or the configuration is wrong: exit 77.
        case configuration
        /// SwingMusic (or a service) could not be reached or kept failing: exit 69.
        case unavailable
        /// Not now, later: a budget, a park, a stop signal: exit 75.
        case deferred
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
