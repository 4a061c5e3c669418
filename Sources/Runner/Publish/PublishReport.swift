import Foundation

/// What one `swingcache publish` did, or with `--dry-run` would do: per playlist, per user's history, per service.
package struct PublishReport: Sendable, Codable {
    package enum Change: String, Sendable, Codable {
        case created, updated, unchanged, removed
        /// Not published: its name is taken by a playlist of the account's own, twice over.
        case skipped
    }

    package struct Playlist: Sendable, Codable {
        package var name: String
        package var key: String
        package var change: Change
        package var tracks: Int
        /// Songs that joined it and songs that left it in this publish.
        package var added: Int
        package var removed: Int
        /// SwingMusic's id, once it has one.
        package var id: Int?
        package var note: String?
    }

    package struct History: Sendable, Codable {
        /// The SwingMusic user the plays were written for.
        package var user: String
        /// Listens read from each service (`lastfm`, `listenbrainz`) since the last import.
        package var fetched: [String: Int] = [:]
        /// Plays written into SwingMusic (would be, with `--dry-run`).
        package var imported = 0
        /// Listens both services reported: imported once.
        package var duplicatesAcrossServices = 0
        /// Listens SwingMusic already holds: plays it scrobbled to Last.fm itself, or ones imported before.
        package var alreadyInSwingMusic = 0
        /// Listens of songs not in the library, read now or kept from before.
        package var unmatched = 0
        /// Plays imported from listens kept from an earlier publish, whose song the library has since gained.
        package var fromEarlierListens = 0
        /// Listens of songs not in the library kept for a later publish (the newest, up to a bound).
        package var keptForLater = 0
        /// Plays SwingMusic's restore left out (``notes`` says why): not imported, and not sent again.
        package var skippedBySwingMusic = 0
        /// Why the import of a service stopped short or was skipped, by service.
        package var notes: [String: String] = [:]
    }

    package var dryRun: Bool
    package var account: String
    package var playlists: [Playlist] = []
    package var history: [History] = []
    /// Requests that reached each service, by its name: `swingmusic`, `lastfm`, `listenbrainz`.
    package var requests: [String: ProviderSummary] = [:]
    /// Why publishing ended before it was done; nil when it finished.
    package var stoppedBecause: String?

    package init(dryRun: Bool, account: String) {
        self.dryRun = dryRun
        self.account = account
    }

    /// Whether nothing was done or asked yet: no playlist, no history, no request.
    package var isEmpty: Bool { playlists.isEmpty && history.isEmpty && requests.isEmpty }
}

/// Why publishing could not go on, and the exit status that says so.
package struct PublishFailure: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The account or the configuration is wrong: exit 77.
        case configuration
        /// SwingMusic (or a service) could not be reached or kept failing: exit 69.
        case unavailable
        /// Not now, later: a budget, a park, a stop signal: exit 75.
        case deferred
    }

    package var kind: Kind
    package var description: String

    package init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
