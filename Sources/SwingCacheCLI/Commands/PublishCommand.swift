import ArgumentParser
import CacheStore
import EnrichmentAPI
import Foundation
import Runner
import SwingCache
import SwingMusicAPI

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Put the enrichment where SwingMusic shows it: playlists, and imported listening history.",
        discussion: """
            The third stage, after run (fetch) and cleanup (evict): reads what the cache knows about the \
            library of each job and writes it into SwingMusic through SwingMusic's own API, as the account \
            SWINGMUSIC_URL, SWINGMUSIC_USERNAME and SWINGMUSIC_PASSWORD name (environment or config file). \
            A job's publish: section says what (jobs/README.md, docs/publishing.md):

              publish:
                playlists:
                  genres: { min_tracks: 3 }       # "Genre: shoegaze", per MusicBrainz genre
                  most_played: { size: 50 }       # by your own plays
                  most_listened: { size: 50 }     # by plays worldwide (Last.fm, ListenBrainz)
                  popularity: { size: 50 }        # by Spotify popularity, else the library popularity
                history:
                  - { user: alice, lastfm: alice_fm, listenbrainz: alice_lb }

            swingcache's playlists carry a marker in their settings: a second publish updates them in place, \
            removes songs that no longer belong, and never touches a playlist you made (one of yours with the \
            same name keeps it; swingcache's gets " (swingcache)" added). History import reads the users' \
            Last.fm scrobbles and ListenBrainz listens since the last import, matches them to library files, \
            and writes the plays SwingMusic lacks — a play SwingMusic scrobbled itself, or one both services \
            report, is written once. Descriptions and imported plays reach SwingMusic only through a backup it \
            restores: they need an admin account and SWINGMUSIC_BACKUP_DIR, SwingMusic's ~/swingmusic.backup.

            Examples:
              swingcache publish jobs/library.yaml --dry-run
              swingcache publish jobs/library.yaml
              swingcache publish jobs/library.yaml --json | jq '.playlists[] | {name, change, tracks}'

            Exit 0 when done, 65 for a job spec without publish:, 69 when SwingMusic cannot be reached or \
            did not answer a write (never sent twice: what landed is recorded, the next publish goes on), 75 \
            before the first run of the job (the cache holds no library yet), when another run holds the \
            database or a signal stopped it, 77 when SwingMusic refuses the account or the configuration is \
            incomplete.
            """
    )

    @Argument(
        help: ArgumentHelp("Job spec files (YAML) with a publish: section.", valueName: "job.yaml"),
        completion: .file(extensions: ["yaml", "yml"]))
    var jobs: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    @Flag(help: "Read SwingMusic and the services, and show what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let configuration = try store.configuration()
            let specs = try JobSpecFiles.load(jobs)
            let publishing = specs.filter { $0.publish != nil }
            guard let library = publishing.compactMap(\.library).first else {
                throw CommandFailure(
                    .badJobSpec,
                    lines: specs.map {
                        "\($0.path): no 'publish' section: add publish.playlists or publish.history (jobs/README.md)"
                    })
            }
            let settings = PublishSettings(
                playlists: publishing.flatMap { $0.publish!.playlists },
                history: publishing.flatMap { $0.publish!.history }, origin: publishing[0].publish!.origin)
            let account: SwingMusicAccount
            do {
                account = try configuration.swingMusicServer.requireAccount()
            } catch {
                throw CommandFailure(.badConfiguration, "\(error)")
            }
            var lock: RunLock?
            if !dryRun {
                try store.prepareToWrite()
                lock = try RunLock.take(for: store.location.path, now: store.currentTime)
            }
            defer { withExtendedLifetime(lock) {} }
            let cache = try store.openStore(dryRun ? .readOnly : .readWrite, checkingIntegrity: !dryRun)
            let logger = log.makeLogger()
            let clock = ShiftedClock(startingAt: store.currentTime)
            let transport = configuration.makeTransport()
            var publisher = Publisher(
                store: cache, client: SwingMusicClient(account: account, transport: transport, now: { clock.now() }),
                clock: clock, logger: logger)
            publisher.dryRun = dryRun
            let scratch = dryRun ? try ScratchLedger() : nil
            defer { withExtendedLifetime(scratch) {} }
            publisher.ledger = scratch?.store.ledger
            publisher.backupFolder = configuration.swingMusicServer.backupFolder
            publisher.answerTimeout = configuration.answerTimeout
            for provider in Provider.allCases {
                publisher.providerBudgets[provider] = publishing[0].enrichment.budget(
                    for: provider, defaults: .standard)
            }
            publisher.providers = ProviderClients(configuration.providers, transport: transport, now: { clock.now() })
            let stop = StopOnSignals { number in
                logger.notice("received signal \(number): publishing stops after the request in flight")
            }
            do {
                let report = try await stop.run { [publisher] in try await publisher.publish(settings, library: library)
                }
                if json { try Terminal.json(report) } else { print(report.text) }
            } catch let stopped as PublishStopped {
                if json {
                    try Terminal.json(stopped.report)
                } else if !stopped.report.isEmpty {
                    print(stopped.report.text)
                }
                let status: ExitStatus =
                    switch stopped.failure.kind {
                    case .configuration: .badConfiguration
                    case .unavailable: .serviceUnavailable
                    case .deferred: .notDoneYet
                    }
                throw CommandFailure(status, stopped.failure.description)
            }
        }
    }
}

extension PublishCommand: UsesCacheDatabase {}
