import CacheStore
import EnrichmentAPI
import Foundation
import Logging
import Outbound
import ServiceLifecycle
import SwingCache
import SwingMusicAPI
import SwingMusicLibrary

/// The third stage, after fetching (`run`) and eviction (`cleanup`): writes what the cache knows into SwingMusic
/// through its own API, as the configured account — playlists that show the enrichment, and the listening history
/// of the users who opted in.
///
/// Every request to SwingMusic goes through the one ``OutboundPipeline`` under the service name `swingmusic`, paced
/// and in the ledger like any service's. swingcache's playlists carry a marker in their settings
/// (`settings.swingcache.key`): only those are ever changed or removed; a playlist the user made is never touched,
/// whatever its name. A playlist whose songs and name are as wanted is left alone, so a second publish changes
/// nothing.
///
/// ```swift
/// var publisher = Publisher(store: store, client: client, clock: SystemClock(), logger: logger)
/// let report = try await publisher.publish(spec.publish!, library: spec.library!)
/// ```
package struct Publisher: Sendable {
    package var store: AppDatabase
    package var client: SwingMusicClient
    package var clock: any RunClock
    package var logger: Logger
    package var retry = RetryPolicy()
    /// Show what would change; write nothing into SwingMusic or the publish tables.
    package var dryRun = false
    /// SwingMusic's `~/swingmusic.backup`: where a backup for it to restore is written. Without it, playlists are
    /// made without a description and no history can be imported.
    package var backupFolder: String?
    /// The providers a history import reads (Last.fm, ListenBrainz).
    package var providers = ProviderClients()
    package var providerBudgets = ProviderBudgetDefaults.standard
    /// The longest SwingMusic may stay silent before a request gets no answer (the transport's timeout): restores are
    /// sized to be answered well inside it.
    package var answerTimeout: TimeInterval = 30
    /// How a restore whose answer never came is waited for.
    var settling = RestoreSettling()
    /// Where this publish's requests are counted and paced: the cache itself, or for a dry run, which writes nothing
    /// into the cache, a scratch database thrown away after.
    package var ledger: LedgerStore?

    /// The budget SwingMusic's API is called within: it is someone's home server.
    package static let budget = BudgetPolicy(perHour: 20_000, minInterval: 0.05, reserve: 0)
    static let serviceName = "swingmusic"

    package init(
        store: AppDatabase, client: SwingMusicClient, clock: any RunClock, logger: Logger
    ) {
        self.store = store
        self.client = client
        self.clock = clock
        self.logger = logger
    }

    /// The account's name on the server it belongs to, as the publish tables key it.
    var accountKey: String { "\(client.account.username)@\(client.account.url.absoluteString)" }

    /// Publishes what `settings` asks for; the report says what changed. Throws ``PublishFailure`` when SwingMusic
    /// refuses the account (nothing written) or cannot be reached.
    package func publish(_ settings: PublishSettings, library: LibrarySource) async throws -> PublishReport {
        let tracks = try await readStore { try await store.publish.publishableTracks() }
        guard !tracks.isEmpty else {
            // Publishing from an empty cache would remove every playlist of swingcache's and mark every listen
            // unmatched: it waits for a run to read the library.
            throw PublishStopped(
                report: PublishReport(dryRun: dryRun, account: client.account.username),
                failure: PublishFailure(
                    .deferred,
                    "the cache holds no SwingMusic library yet: run 'swingcache run' on the job first, then publish"))
        }
        var session = SwingMusicSession(
            client: client, pipeline: swingMusicPipeline(), tally: ProviderSummary())
        var report = PublishReport(dryRun: dryRun, account: client.account.username)
        do {
            try await session.login()
            let users = try await session.users()
            let isAdmin = users.first { $0.username == client.account.username }?.roles?.contains("admin") ?? false
            let restorer = try restorer(isAdmin: isAdmin, needed: !settings.history.isEmpty)
            if let restorer, !dryRun {
                try await settleLeftovers(of: restorer, users: users, library: library, session: &session)
            }
            if !settings.playlists.isEmpty {
                report.playlists = try await publishPlaylists(
                    settings.playlists, tracks: tracks, session: &session, restorer: restorer)
            }
            let matcher = ListenMatcher(tracks)
            var fetchers = HistoryFetchers()
            for entry in settings.history {
                if Task.isShuttingDownGracefully { throw PublishFailure(.deferred, "stopped by a signal") }
                report.history.append(
                    try await importHistory(
                        entry, library: library, matcher: matcher, users: users, session: &session,
                        restorer: restorer, fetchers: &fetchers, report: &report))
            }
        } catch let failure as PublishFailure {
            report.stoppedBecause = failure.description
            report.requests[Self.serviceName] = session.tally
            throw PublishStopped(report: report, failure: failure)
        }
        report.requests[Self.serviceName] = session.tally
        return report
    }

    /// Where backups go for SwingMusic to restore, when it can: an admin account and a configured folder.
    private func restorer(isAdmin: Bool, needed: Bool) throws -> SwingMusicRestorer? {
        guard let backupFolder else {
            if needed {
                throw PublishFailure(
                    .configuration,
                    "importing listening history needs SWINGMUSIC_BACKUP_DIR: SwingMusic takes plays in only from a backup in the swingmusic.backup folder of the user it runs as"
                )
            }
            return nil
        }
        guard isAdmin else {
            if needed {
                throw PublishFailure(
                    .configuration,
                    "importing listening history needs an admin account: SwingMusic lets only an admin restore a backup, and '\(client.account.username)' is not one"
                )
            }
            logger.notice(
                "'\(client.account.username)' is not a SwingMusic admin: new playlists get no description (only a restored backup can carry one)"
            )
            return nil
        }
        return SwingMusicRestorer(folder: backupFolder, clock: clock)
    }

    func swingMusicPipeline() -> OutboundPipeline {
        let budget = Self.budget
        let pacer = Pacer(
            store: ledger ?? store.ledger, service: Self.serviceName, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: nil, deadline: nil, waitsForWindow: true, logger: logger)
        return OutboundPipeline(
            service: "SwingMusic", pacer: pacer, store: ledger ?? store.ledger, clock: clock, retry: retry,
            throttle: ThrottlePolicy(), logger: logger)
    }
}

/// Publishing stopped part-way: what was done until then, and why it stopped.
package struct PublishStopped: Error, Sendable {
    package var report: PublishReport
    package var failure: PublishFailure
}

/// The logged-in conversation with SwingMusic: every request through the pipeline, every failure a
/// ``PublishFailure``.
struct SwingMusicSession {
    let client: SwingMusicClient
    var pipeline: OutboundPipeline
    var tally: ProviderSummary

    /// Logs in; a refused password is a configuration failure, an unreachable server an unavailable one.
    mutating func login() async throws {
        let client = client
        let answer: SwingMusicAnswer
        do {
            answer = try await call(.init(method: "POST", path: "/auth/login"), maxRetries: 1) {
                await client.login()
            }
        } catch let failure as PublishFailure where failure.kind == .configuration {
            throw PublishFailure(
                .configuration,
                "SwingMusic at \(client.account.url.absoluteString) refused the account '\(client.account.username)': check SWINGMUSIC_USERNAME and SWINGMUSIC_PASSWORD (\(failure.description))"
            )
        }
        guard case .ok = answer else {
            throw PublishFailure(
                .configuration, "SwingMusic at \(client.account.url.absoluteString) refused to log in: \(answer)")
        }
    }

    mutating func users() async throws -> [SwingMusicUsersPayload.User] {
        try decode(await call(.users), as: SwingMusicUsersPayload.self, what: "its users").users
    }

    /// Sends `request` and returns SwingMusic's answer: `ok`, or one the caller reads (403, 404, 409). A request
    /// that may have taken effect without an answer ends publishing: it is not sent again, and the next publish
    /// reads SwingMusic back before it changes anything.
    @discardableResult
    mutating func call(_ request: SwingMusicRequest, maxRetries: Int? = nil) async throws -> SwingMusicAnswer {
        let client = client
        return try await call(request, maxRetries: maxRetries) { await client.send(request) }
    }

    /// What sending one request came to: SwingMusic's answer, or none for a request that may have taken effect.
    enum Outcome {
        case answered(SwingMusicAnswer)
        /// The request is not idempotent and got no answer (or a 5xx): what it was to change must be read back.
        case effectUnknown(String)
    }

    /// Sends `request` through the pipeline, once only when it is not idempotent and may have reached SwingMusic.
    mutating func send(_ request: SwingMusicRequest, maxRetries: Int? = nil) async throws -> Outcome {
        let client = client
        return try await send(request, maxRetries: maxRetries) { await client.send(request) }
    }

    private mutating func call(
        _ request: SwingMusicRequest, maxRetries: Int?, _ send: () async -> SwingMusicExchange
    ) async throws -> SwingMusicAnswer {
        switch try await self.send(request, maxRetries: maxRetries, send) {
        case .answered(let answer): return answer
        case .effectUnknown(let reason):
            throw PublishFailure(
                .unavailable,
                "SwingMusic at \(client.account.url.absoluteString) did not answer \(request.endpoint) (\(reason)); it is not sent again, as it may have taken effect: the next publish reads SwingMusic back first"
            )
        }
    }

    private mutating func send(
        _ request: SwingMusicRequest, maxRetries: Int?, _ send: () async -> SwingMusicExchange
    ) async throws -> Outcome {
        if Task.isShuttingDownGracefully { throw PublishFailure(.deferred, "stopped by a signal") }
        let server = client.account.url.absoluteString
        let ending = await pipeline.send(
            endpoint: request.endpoint, detail: "", tally: &tally, maxRetries: maxRetries,
            idempotent: request.isIdempotent, describe: { "\(request.endpoint): \($0.answer)" }, send)
        switch ending {
        case .answered(let answer, _, let ledgerID, let status):
            await pipeline.complete(ledgerID, status)
            return .answered(answer)
        case .effectUnknown(let reason): return .effectUnknown(reason)
        case .notSent(let reason): throw PublishFailure(.unavailable, "SwingMusic at \(server): \(reason)")
        case .failed(let reason), .disabled(let reason):
            throw PublishFailure(.unavailable, "SwingMusic at \(server) did not answer: \(reason)")
        case .stopped(let outcome):
            switch outcome {
            case .configurationError(let reason):
                throw PublishFailure(.configuration, "SwingMusic at \(server) refused the account: \(reason)")
            case .serviceUnavailable(let reason):
                throw PublishFailure(.unavailable, "SwingMusic at \(server) is unavailable: \(reason)")
            case .deferred(let reason): throw PublishFailure(.deferred, reason)
            case .parked(let until, let reason):
                throw PublishFailure(.deferred, "SwingMusic is parked until \(until)\(reason.map { ": \($0)" } ?? "")")
            case .completed: throw PublishFailure(.deferred, "stopped")
            }
        }
    }

    /// `answer`'s body as `type`, or a failure naming what could not be read.
    func decode<Payload: Decodable>(_ answer: SwingMusicAnswer, as type: Payload.Type, what: String) throws -> Payload {
        guard let payload = answer.decoded(type) else {
            throw PublishFailure(
                .unavailable,
                "SwingMusic at \(client.account.url.absoluteString) answered the request for \(what) with \(answer): not what SwingMusic 3.0 sends"
            )
        }
        return payload
    }
}
