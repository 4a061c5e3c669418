import CacheStore
import EnrichmentAPI
import Foundation
import Outbound
import RedisClient
import SpotifyAPI
import SwingCache

/// One thing `swingcache doctor` looked at, and what it found.
package struct DoctorCheck: Sendable, Encodable, Equatable {
    package enum Status: String, Sendable, Encodable {
        case ok
        /// Works, but not as a user probably wants (no credentials, a database not created yet).
        case warning
        case failed
        /// Not looked at: nothing configured, or an earlier check failed.
        case skipped
    }

    /// Why a check failed, which decides the exit status: 77 for configuration, 69 for an unreachable service.
    package enum Failure: String, Sendable, Encodable {
        case configuration
        case unavailable
    }

    package var name: String
    package var status: Status
    package var detail: String
    package var failure: Failure?

    package init(_ name: String, _ status: Status, _ detail: String, failure: Failure? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.failure = failure
    }
}

/// Checks what swingcache needs before a run — the database, Redis, the credentials, the enrichment providers —
/// without spending any Web API quota: the credentials are tried on the token endpoint only, and no provider is
/// sent anything.
///
/// ```swift
/// let checks = await Doctor(configuration: configuration, database: location).checks()
/// ```
package struct Doctor: Sendable {
    package var configuration: SwingCacheConfiguration
    package var database: DatabaseLocation
    package var transport: any HTTPTransport
    /// Round trips timed to report Redis's latency.
    package var pings = 5
    /// What "now" is for the database's park and statistics.
    package var clock: any RunClock

    package init(
        configuration: SwingCacheConfiguration, database: DatabaseLocation,
        transport: (any HTTPTransport)? = nil, clock: any RunClock = SystemClock()
    ) {
        self.clock = clock
        self.configuration = configuration
        self.database = database
        self.transport = transport ?? configuration.makeTransport()
    }

    package func checks() async -> [DoctorCheck] {
        // SwingMusic only when publish is set up: a cache-only installation sees the lines it always saw.
        let swingMusic = configuration.swingMusicServer.account == nil ? [] : [await swingMusicCheck()]
        return await [configurationCheck(), databaseCheck(), await redisCheck(), await credentialsCheck()] + swingMusic
            + [
                providersCheck()
            ]
    }

    func configurationCheck() -> DoctorCheck {
        let file = configuration.file.map { "config file \($0)" } ?? "no config file (environment only)"
        var detail = "\(file); market \(configuration.market)"
        if configuration.endpoints != SpotifyEndpoints() {
            detail += "; Spotify API at \(configuration.endpoints.apiURL)"
        }
        return DoctorCheck("configuration", .ok, detail)
    }

    func databaseCheck() async -> DoctorCheck {
        if let reason = RegularFile.problem(at: database.path, missingIsFine: true) {
            let problem = StoreError(path: database.path, problem: .notARegularFile(reason))
            return DoctorCheck("database", .failed, problem.description, failure: .configuration)
        }
        if let links = RegularFile.linkCount(at: database.path), links > 1 {
            let problem = StoreError(path: database.path, problem: .hardLinked(names: links))
            return DoctorCheck("database", .failed, problem.description, failure: .configuration)
        }
        guard FileManager.default.fileExists(atPath: database.path) else {
            let folderExists = FileManager.default.fileExists(atPath: database.folder)
            if folderExists ? FileManager.default.isWritableFile(atPath: database.folder) : database.isDefault {
                return DoctorCheck(
                    "database", .warning, "\(database.path) does not exist yet; the first run creates it")
            }
            let problem = folderExists ? "is not writable" : "does not exist"
            return DoctorCheck(
                "database", .failed, "\(database.path) cannot be created: the folder \(database.folder) \(problem)",
                failure: .configuration)
        }
        do {
            let store = try AppDatabase.open(database, access: .readOnly)
            if let damage = try store.damage() {
                return DoctorCheck(
                    "database", .failed, StoreError(path: database.path, problem: .damaged(damage)).description,
                    failure: .configuration)
            }
            let now = clock.now()
            let statistics = try await store.statistics(now: now, runLimit: 1)
            let entries = statistics.entries.values.reduce(0) { $0 + $1.fresh + $1.stale }
            var detail = "\(database.path): \(entries) entries, \(statistics.databaseBytes / 1024) KiB"
            if let parked = statistics.services[Scheduler.spotify]?.parkedUntil, parked > now {
                detail += "; Spotify parked until \(ISO8601DateFormatter().string(from: parked))"
            }
            if let learned = statistics.services[Scheduler.spotify]?.learnedQuota {
                detail +=
                    "; Spotify's quota refused after \(learned.requestsInDay) requests in 24 h on \(ISO8601DateFormatter().string(from: learned.observedAt)), plans keep 90 % of it unless budget.quota_safety says otherwise"
            }
            guard FileManager.default.isWritableFile(atPath: database.path) else {
                return DoctorCheck("database", .failed, detail + "; not writable", failure: .configuration)
            }
            return DoctorCheck("database", .ok, detail)
        } catch {
            return DoctorCheck("database", .failed, "\(error)", failure: .configuration)
        }
    }

    func redisCheck() async -> DoctorCheck {
        guard let url = configuration.redisURL else {
            return DoctorCheck(
                "redis", .skipped, "not configured (SWINGCACHE_REDIS_URL): runs share nothing beyond this database")
        }
        do {
            let timeout = configuration.redisTimeAmount
            let connection = try await RedisConnection.connect(to: url, timeout: timeout, replyTimeout: timeout)
            defer { Task { await connection.close() } }
            var latencies: [Double] = []
            for _ in 0..<pings {
                let start = DispatchTime.now().uptimeNanoseconds
                try await connection.send("PING")
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            let info = try await connection.send("INFO", "server").string ?? ""
            let scripting = try await connection.send("EVAL", "return 1", "0").integer == 1
            let median = latencies.sorted()[latencies.count / 2]
            let detail =
                "\(url): \(Self.serverName(info)), ping \(String(format: "%.2f", median)) ms (median of \(pings))"
            guard scripting else {
                return DoctorCheck(
                    "redis", .failed, detail + "; Lua scripting (EVAL) is off, the shared budget needs it",
                    failure: .configuration)
            }
            // A full server (maxmemory reached) answers PING and reads, and refuses every write a run makes.
            do {
                try await connection.send("SET", configuration.redisPrefix + "doctor:probe", "1", "PX", "1000")
            } catch let refusal as RedisError {
                return DoctorCheck(
                    "redis", .failed, detail + "; it refuses writes (\(refusal)), so runs would share nothing",
                    failure: .unavailable)
            }
            return DoctorCheck("redis", .ok, detail)
        } catch let refusal as RedisError {
            return DoctorCheck("redis", .failed, "\(url) refuses commands: \(refusal)", failure: .unavailable)
        } catch {
            return DoctorCheck("redis", .failed, "\(url) is unreachable: \(error)", failure: .unavailable)
        }
    }

    func credentialsCheck() async -> DoctorCheck {
        guard let credentials = configuration.credentials else {
            return DoctorCheck(
                "credentials", .warning,
                "no SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET: run and get will exit 77 until they are set (environment or config file)"
            )
        }
        let tokens = TokenProvider(
            credentials: credentials, tokenURL: configuration.endpoints.tokenURL, transport: transport)
        do {
            _ = try await tokens.accessToken()
            return DoctorCheck(
                "credentials", .ok,
                "\(configuration.endpoints.tokenURL.host ?? "the token endpoint") issued a token for client \(credentials.clientID.prefix(4))…; no API request made"
            )
        } catch {
            switch error {
            case .invalidCredentials(let message):
                return DoctorCheck("credentials", .failed, message, failure: .configuration)
            case .unavailable(let message):
                return DoctorCheck("credentials", .failed, message, failure: .unavailable)
            }
        }
    }

    /// Which enrichment providers a run would call and which it would skip, from the configuration alone.
    ///
    /// A provider without its key or contact is a warning, not a failure: a run skips it with one line.
    func providersCheck() -> DoctorCheck {
        var called: [String] = []
        var skipped: [String] = []
        for provider in Provider.allCases {
            let (isCalled, note) = readiness(of: provider)
            let text = provider.displayName + (note.map { " (\($0))" } ?? "")
            if isCalled { called.append(text) } else { skipped.append(text) }
        }
        var parts = ["calls " + called.joined(separator: ", ")]
        if !skipped.isEmpty { parts.append("skips " + skipped.joined(separator: ", ")) }
        parts += Provider.allCases.compactMap { provider in
            configuration.providers.roots[provider].map { "\(provider.displayName) at \($0)" }
        }
        parts.append("no request made")
        return DoctorCheck("providers", skipped.isEmpty ? .ok : .warning, parts.joined(separator: "; "))
    }

    /// Whether a run calls `provider` under this configuration, and what to say about it. Never a key's value.
    func readiness(of provider: Provider) -> (called: Bool, note: String?) {
        let providers = configuration.providers
        let declaration = ProviderDeclaration.of(provider)
        switch declaration.requirement {
        case .credential:
            guard providers.credentials[provider] != nil else {
                return (false, ProviderConfiguration.missingSetting(for: provider))
            }
            return (true, declaration.calledNote)
        case .contact:
            guard let agent = providers.contactUserAgent else { return (false, "SWINGCACHE_CONTACT is not set") }
            return (true, "contact \(agent.contact)")
        case .nothing:
            guard declaration.credentialKey != nil else { return (true, declaration.calledNote) }
            return (true, providers.credentials[provider] == nil ? "no token" : "token set")
        }
    }

    /// "Redis 7.0.15" or "DragonflyDB 1.x" from an `INFO server` answer.
    static func serverName(_ info: String) -> String {
        var fields: [String: String] = [:]
        for line in info.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        if let dragonfly = fields["dragonfly_version"] { return "DragonflyDB \(dragonfly)" }
        return fields["redis_version"].map { "Redis \($0)" } ?? "a Redis-compatible server"
    }
}
