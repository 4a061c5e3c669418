import ArgumentParser
import CacheStore
import Foundation
import Runner
import SpotifyAPI
import SwingCache

/// Options every command that touches the cache shares.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The cache database (default: $SWINGCACHE_DB, else $XDG_DATA_HOME/swingcache/cache.sqlite).",
            valueName: "path"), completion: .file())
    var databasePath: String?

    @Option(
        name: .customLong("now"),
        help: ArgumentHelp(
            "Act as if the time were this ISO 8601 instant (for tests and rehearsals).", visibility: .hidden),
        transform: { text in
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw ValidationError("'\(text)' is not an ISO 8601 time such as 2026-11-25T03:00:00Z")
            }
            return date
        })
    var now: Date?

    @Option(
        help: ArgumentHelp(
            "A KEY=VALUE config file, readable only by its owner (default: $SWINGCACHE_CONFIG, else ~/.config/swingcache/config).",
            valueName: "path"), completion: .file())
    var config: String?

    /// The configuration from the environment and the config file.
    func configuration() throws -> SwingCacheConfiguration {
        do {
            return try SwingCacheConfiguration.load(
                environment: ProcessInfo.processInfo.environment, explicitFile: config)
        } catch {
            throw CommandFailure(.badConfiguration, error.description)
        }
    }

    /// The Spotify credentials, or exit 77 saying how to provide them.
    static func credentials(from configuration: SwingCacheConfiguration) throws -> SpotifyCredentials {
        do {
            return try configuration.requireCredentials()
        } catch {
            throw CommandFailure(.badConfiguration, error.description)
        }
    }

    var location: DatabaseLocation {
        var environment = ProcessInfo.processInfo.environment
        if environment["SWINGCACHE_DB"] == nil, let fromFile = try? configuration().databasePath {
            environment["SWINGCACHE_DB"] = fromFile
        }
        return DatabaseLocation.resolve(flag: databasePath, environment: environment)
    }

    var currentTime: Date { now ?? Date() }

    func openStore(_ access: AppDatabase.Access, checkingIntegrity: Bool = false) throws -> AppDatabase {
        do {
            return try AppDatabase.open(location, access: access, checkingIntegrity: checkingIntegrity)
        } catch {
            throw Self.failure(error)
        }
    }

    /// Checks the database can be written, creating the default folder, without opening it (see `run`'s lock).
    func prepareToWrite() throws {
        do {
            try AppDatabase.prepareToWrite(location)
        } catch {
            throw Self.failure(error)
        }
    }

    /// Exit 75 for a database another process keeps busy (it will be free later), 77 for anything else.
    static func failure(_ error: StoreError) -> CommandFailure {
        CommandFailure(error.problem == .busy ? .notDoneYet : .badConfiguration, error.description)
    }
}

/// Parses durations such as `90s` or `12h` in flags: 0, or from 1ms to 3650d, like durations in job specs.
struct DurationArgument: ExpressibleByArgument {
    var seconds: TimeInterval

    init?(argument: String) {
        guard let seconds = DurationText.parse(argument), seconds <= DurationText.longest,
            seconds == 0 || seconds >= DurationText.shortest
        else { return nil }
        self.seconds = seconds
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// `text` as a duration, or an error saying which forms are accepted: for `@Option(transform:)`, where the
    /// parser's own message would only say the value is invalid.
    static func parse(_ text: String) throws -> DurationArgument {
        guard let duration = DurationArgument(argument: text) else {
            throw ValidationError(
                "'\(text)' is not a duration: write a number and one unit — ms, s, m, h or d — such as 90s, 30m, 6h or 1d (0, or from 1ms to 3650d)"
            )
        }
        return duration
    }
}
