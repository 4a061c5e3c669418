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
