import Foundation
import NIOCore
import Outbound
import RedisClient
import SharedTier
import SpotifyAPI
import SwingCache

/// How to reach things: credentials, API URLs, the market, the database. Read from the environment and an
/// optional `KEY=VALUE` file that only its owner may read; the environment wins.
///
/// ```sh
/// # ~/.config/swingcache/config (chmod 600)
/// SPOTIFY_CLIENT_ID=...
/// SPOTIFY_CLIENT_SECRET=...
/// SWINGCACHE_MARKET=DE
/// ```
package struct SwingCacheConfiguration: Sendable {
    package static let keys =
        [
            "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET", "SWINGCACHE_SPOTIFY_API_URL", "SWINGCACHE_SPOTIFY_TOKEN_URL",
            "SWINGCACHE_MARKET", "SWINGCACHE_DB", "SWINGCACHE_MODE_RECHECK", "SWINGCACHE_REDIS_URL",
            "SWINGCACHE_REDIS_PREFIX", "SWINGCACHE_REDIS_TIMEOUT", "SWINGCACHE_QUOTA_GROUP", "SWINGCACHE_HTTP_DEADLINE",
        ] + ProviderConfiguration.keys + SwingMusicServerConfiguration.keys

    package var credentials: SpotifyCredentials?
    package var endpoints: SpotifyEndpoints
    package var market: String
    package var databasePath: String?
    /// How long a learned per-item mode is trusted before one batch request probes it again. Default 7 days.
    package var modeRecheck: TimeInterval = 7 * 86_400
    /// The longest one HTTP request may take, its whole answer included, however steadily bytes arrive.
    /// Default 60 s.
    package var httpDeadline: TimeInterval = 60
    /// The Redis-compatible server runners share their budget through, if any.
    package var redisURL: RedisURL?
    /// Prefix of every key swingcache writes in Redis. Default `swingcache:v1:`.
    package var redisPrefix = "swingcache:v1:"
    /// How long Redis may take to accept a connection or to start answering a command before it counts as
    /// unreachable (and SQLite carries on alone). Default 3 s.
    package var redisTimeout: TimeInterval = 3
    /// The pool Spotify counts its Development-Mode quota in: one developer account's apps share it, so runners of
    /// several client ids of one account name the same group and share one budget through Redis.
    package var quotaGroup: String?
    /// Keys, contact and base URLs of the enrichment providers.
    package var providers = ProviderConfiguration()
    /// SwingMusic's server and the account `publish` writes as.
    package var swingMusicServer = SwingMusicServerConfiguration()
    /// The config file that was read, if any.
    package var file: String?

    /// Reads `explicitFile` (which must exist), else `$SWINGCACHE_CONFIG`, else `$XDG_CONFIG_HOME/swingcache/config`
    /// or `~/.config/swingcache/config` when present, then the environment over it.
    package static func load(environment: [String: String], explicitFile: String? = nil) throws(ConfigurationError)
        -> Self
    {
        let file = explicitFile ?? environment["SWINGCACHE_CONFIG"] ?? defaultFile(environment)
        var values: [String: String] = [:]
        if let file {
            let mustExist = explicitFile != nil || environment["SWINGCACHE_CONFIG"] != nil
            if FileManager.default.fileExists(atPath: file) {
                values = try readFile(file)
            } else if mustExist {
                throw ConfigurationError("config file '\(file)' does not exist")
            }
        }
        for key in keys { if let value = environment[key], !value.isEmpty { values[key] = value } }

        var configuration = SwingCacheConfiguration(
            credentials: nil, endpoints: SpotifyEndpoints(), market: "US", databasePath: values["SWINGCACHE_DB"],
            file: FileManager.default.fileExists(atPath: file ?? "") ? file : nil)
        if let id = values["SPOTIFY_CLIENT_ID"], let secret = values["SPOTIFY_CLIENT_SECRET"] {
            configuration.credentials = SpotifyCredentials(clientID: id, clientSecret: secret)
        } else if (values["SPOTIFY_CLIENT_ID"] == nil) != (values["SPOTIFY_CLIENT_SECRET"] == nil) {
            throw ConfigurationError("SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET must be set together")
        }
        if let api = values["SWINGCACHE_SPOTIFY_API_URL"] {
            configuration.endpoints.apiURL = try url(api, key: "SWINGCACHE_SPOTIFY_API_URL")
        }
        if let token = values["SWINGCACHE_SPOTIFY_TOKEN_URL"] {
            configuration.endpoints.tokenURL = try url(token, key: "SWINGCACHE_SPOTIFY_TOKEN_URL")
        }
        if let market = values["SWINGCACHE_MARKET"] {
            guard market.count == 2, market.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ConfigurationError(
                    "SWINGCACHE_MARKET must be a two-letter country code such as US, found '\(market)'")
            }
            configuration.market = market.uppercased()
        }
        if let redis = values["SWINGCACHE_REDIS_URL"] {
            guard let url = RedisURL(redis) else {
                // The URL may carry a password: it is not quoted back.
                throw ConfigurationError("SWINGCACHE_REDIS_URL must look like redis://[user:password@]host:port/db")
            }
            configuration.redisURL = url
        }
        if let prefix = values["SWINGCACHE_REDIS_PREFIX"] { configuration.redisPrefix = prefix }
        if let timeout = values["SWINGCACHE_REDIS_TIMEOUT"] {
            guard let seconds = DurationText.parse(timeout), seconds >= 0.01, seconds <= 3600 else {
                throw ConfigurationError(
                    "SWINGCACHE_REDIS_TIMEOUT must be a duration from 10ms to 1h such as 3s, found '\(timeout)'")
            }
            configuration.redisTimeout = seconds
        }
        configuration.quotaGroup = values["SWINGCACHE_QUOTA_GROUP"]
        if let deadline = values["SWINGCACHE_HTTP_DEADLINE"] {
            guard let seconds = DurationText.parse(deadline), seconds >= 0.01, seconds <= 3600 else {
                throw ConfigurationError(
                    "SWINGCACHE_HTTP_DEADLINE must be a duration from 10ms to 1h such as 60s, found '\(deadline)'")
            }
            configuration.httpDeadline = seconds
        }
        if let recheck = values["SWINGCACHE_MODE_RECHECK"] {
            guard let seconds = DurationText.parse(recheck), seconds >= DurationText.shortest,
                seconds <= DurationText.longest
            else {
                throw ConfigurationError(
                    "SWINGCACHE_MODE_RECHECK must be a duration from 1ms to 3650d such as 7d, found '\(recheck)'")
            }
            configuration.modeRecheck = seconds
        }
        configuration.providers = try ProviderConfiguration.read(values)
        configuration.swingMusicServer = try SwingMusicServerConfiguration.read(values, environment: environment)
        return configuration
    }

    /// The Redis tier the configuration names, if any, with a connection of its own: make it once per command.
    /// Connecting waits for the first use.
    package func makeRedisTier() -> RedisTier? {
        redisURL.map {
            RedisTier(
                redis: ReconnectingRedis(url: $0, timeout: redisTimeAmount, replyTimeout: redisTimeAmount),
                prefix: redisPrefix, quotaGroup: quotaGroup)
        }
    }

    /// The transport every outbound request goes through, with the configured deadline; under a graceful shutdown a
    /// request in flight is abandoned once ``GracefulShutdownTransport/gracePeriod`` is over.
    package func makeTransport() -> GracefulShutdownTransport {
        GracefulShutdownTransport(AsyncHTTPClientTransport(timeout: answerTimeout, deadline: httpDeadline))
    }

    /// The longest a server may stay silent before a request counts as unanswered: 30 s, or the deadline if shorter.
    package var answerTimeout: TimeInterval { min(30, httpDeadline) }

    /// ``redisTimeout`` as SwiftNIO counts time.
    package var redisTimeAmount: TimeAmount { .milliseconds(Int64((redisTimeout * 1000).rounded())) }

    /// The credentials, or an error saying how to provide them.
    package func requireCredentials() throws(ConfigurationError) -> SpotifyCredentials {
        guard let credentials else {
            throw ConfigurationError(
                "no Spotify credentials: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (environment or config file: create an app at developer.spotify.com/dashboard); from a source checkout, scripts/demo.sh tries swingcache against the bundled fixture server"
            )
        }
        return credentials
    }

    static func defaultFile(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/swingcache/config" }
        guard let home = environment["HOME"] else { return nil }
        return home + "/.config/swingcache/config"
    }

    static func readFile(_ path: String) throws(ConfigurationError) -> [String: String] {
        // Reading a FIFO would block until something writes to it.
        if let reason = RegularFile.problem(at: path) {
            throw ConfigurationError("config file '\(path)' cannot be read: \(reason)")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? Int
        else { throw ConfigurationError("config file '\(path)' cannot be read") }
        if permissions & 0o044 != 0 {
            let who = permissions & 0o004 != 0 ? "others" : "the group"
            throw ConfigurationError(
                "config file '\(path)' is readable by \(who) (mode \(String(permissions & 0o777, radix: 8))); it holds secrets: run chmod 600 '\(path)'"
            )
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            let owner = (attributes[.ownerAccountID] as? NSNumber).map { "uid \($0)" } ?? "another user"
            throw ConfigurationError(
                "config file '\(path)' cannot be read: permission denied (it belongs to \(owner), swingcache runs as uid \(getuid())); run swingcache as its owner, or chown it"
            )
        }
        guard var text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError("config file '\(path)' cannot be read as UTF-8 text")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        var values: [String: String] = [:]
        var lineOfKey: [String: Int] = [:]
        var unknown: [String] = []
        for (index, line) in text.textLines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let withoutExport = trimmed.hasPrefix("export ") ? String(trimmed.dropFirst(7)) : trimmed
            guard let equals = withoutExport.firstIndex(of: "=") else {
                throw ConfigurationError("\(path):\(index + 1): expected KEY=VALUE")
            }
            let key = withoutExport[..<equals].trimmingCharacters(in: .whitespaces)
            let value = Self.value(of: withoutExport[withoutExport.index(after: equals)...])
            if let first = lineOfKey[key] {
                throw ConfigurationError(
                    "\(path):\(index + 1): \(key) is set again (first on line \(first)); keep one of the two lines")
            }
            lineOfKey[key] = index + 1
            guard keys.contains(key) else {
                // The value is never quoted back: it may be a secret.
                let suggestion =
                    key == "SWINGMUSIC_CONFIG_DIR"
                    ? "; SwingMusic's folder is read from the environment, or from library.swingmusic_db in the job spec"
                    : closestKey(to: key).map { "; did you mean '\($0)'?" } ?? ""
                unknown.append("\(path):\(index + 1): unknown key '\(key)'\(suggestion)")
                continue
            }
            // An empty value is an unset one: the installed template leaves the credentials blank.
            if !value.isEmpty { values[key] = value }
        }
        if !unknown.isEmpty {
            throw ConfigurationError(
                (unknown + ["(known keys: \(keys.joined(separator: ", ")))"]).joined(separator: "\n"))
        }
        return values
    }

    /// The value of a `KEY=VALUE` line, what follows `=`: without the spaces around it and a comment after it.
    ///
    /// A `#` after a space or a tab starts a comment, as in a shell; one inside quotes does not, and the quotes
    /// (`"…"` or `'…'`) are taken off: `KEY="a #b" # note` is `a #b`. A `#` with no space before it is part
    /// of the value (`KEY=a#b`).
    static func value(of text: Substring) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let quote = trimmed.first, quote == "\"" || quote == "'" {
            // The last quote after which only a comment follows closes the value.
            let body = trimmed.dropFirst()
            var close = body.endIndex
            while let found = body[..<close].lastIndex(of: quote) {
                let rest = body[body.index(after: found)...].trimmingCharacters(in: .whitespaces)
                let spaced = body.index(after: found) == body.endIndex || body[body.index(after: found)].isWhitespace
                if rest.isEmpty || (rest.hasPrefix("#") && spaced) { return String(body[..<found]) }
                close = found
            }
        }
        var previous: Character = "="
        for index in text.indices {
            if text[index] == "#" && (previous == " " || previous == "\t") {
                return text[..<index].trimmingCharacters(in: .whitespaces)
            }
            previous = text[index]
        }
        return trimmed
    }

    /// The known key a mistyped one was most likely meant to be.
    static func closestKey(to key: String) -> String? {
        SpellingSuggestion.closest(to: key, among: keys)
    }

    static func url(_ text: String, key: String) throws(ConfigurationError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else { throw ConfigurationError("\(key) must be an http or https URL, found '\(text)'") }
        return url
    }
}

/// A configuration problem: exit 77. Never carries a secret.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
