import ArgumentParser
import CacheStore
import Foundation
import Outbound
import Runner
import SharedTier
import SpotifyAPI
import SwingCache

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch what the jobs need, within the budget, and store every answer in the cache.",
        discussion: """
            Plans like `swingcache plan`, then makes the planned requests: paced by min_interval and the sliding \
            hourly quota (shared by every run on the database), retried with backoff on 5xx, waiting out \
            Retry-After, renewing the token on 401. Each answer is written with its ledger entry in one \
            transaction, so a run that dies loses at most the request in flight.

            Needs SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (environment or config file); SWINGCACHE_SPOTIFY_API_URL \
            and SWINGCACHE_SPOTIFY_TOKEN_URL point it elsewhere (scripts/demo.sh uses the fixture server).

            A job with library: first reads the SwingMusic library (read-only) and matches new or changed \
            files to Spotify tracks by paced searches; the matched tracks are then fetched like listed ids. \
            With enrich:, each provider it names (lastfm, musicbrainz, listenbrainz, links) is asked \
            afterwards for what the cache lacks, at its own pace and budget; a provider without its key \
            (LASTFM_API_KEY, SWINGCACHE_CONTACT for MusicBrainz) is skipped with one line. Providers never wait \
            for Spotify: MusicBrainz finds a file without an ISRC by title, artist and duration, even while \
            Spotify is parked.

            Examples:
              swingcache run jobs/nightly.yaml
              swingcache run jobs/library-enrichment.yaml --max-runtime 6h --json
              swingcache run jobs/nightly.yaml --dry-run
              swingcache run jobs/library.yaml    # match and enrich a SwingMusic library
              swingcache run jobs/nightly.yaml --quiet --log-format logfmt --metrics-file run.prom

            One run per database at a time: a second one exits 75 naming the holder. SIGINT or SIGTERM stops \
            cleanly: no new request starts, what was fetched stays, the summary is printed, exit 75. \
            On a terminal a live line shows progress; otherwise a progress line is logged every 30 s.

            Exit 0 when everything planned was fetched, 75 when work was deferred or Spotify parked the run, \
            69 when requests kept failing, 77 for bad credentials or configuration.
            """
    )

    @Argument(
        help: ArgumentHelp("Job spec files (YAML).", valueName: "job.yaml"),
        completion: .file(extensions: ["yaml", "yml"]))
    var jobs: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var limits: RunLimitOptions
    @OptionGroup var log: LogOptions

    @Flag(help: "Show the plan and make no request.")
    var dryRun = false

    @Flag(help: "Print the run report as JSON.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Also write the run report (JSON, docs/run-report.md) to this file.", valueName: "file.json"),
        completion: .file(extensions: ["json"])
    )
    var report: String?

    @Option(
        help: ArgumentHelp(
            "Write Prometheus metrics to this file, atomically (for node_exporter's textfile collector).",
            valueName: "file.prom"), completion: .file(extensions: ["prom"]))
    var metricsFile: String?

    func run() async throws {
        try await reportingFailures {
            let configuration = try store.configuration()
            let jobSet = JobSet(specs: try JobSpecFiles.load(jobs), defaultMarket: configuration.market)
            if dryRun {
                try await RunPreview.make(jobSet, store: store, configuration: configuration, limits: limits, log: log)
                    .print(json: json)
                return
            }
            let credentials = try StoreOptions.credentials(from: configuration)
            // The lock comes before the first open: two runs started together on a new database must not
            // both create and migrate it.
            try store.prepareToWrite()
            let lock = try RunLock.take(for: store.location.path, now: store.currentTime)
            defer { withExtendedLifetime(lock) {} }
            let cache = try store.openStore(.readWrite, checkingIntegrity: true)

            let logger = log.makeLogger()
            let display = ProgressDisplay.forStandardError(quiet: log.quiet || json, logger: logger)
            let redisTier = configuration.makeRedisTier()
            let client = SpotifyClient(
                endpoints: configuration.endpoints, credentials: credentials,
                transport: configuration.makeTransport(),
                sharedTokens: redisTier?.tokens(for: credentials, endpoints: configuration.endpoints))
            let clock = SystemClock()
            var jobRun = JobRun(store: cache, client: client, clock: clock, logger: logger)
            jobRun.modeRecheck = configuration.modeRecheck
            jobRun.providers = ProviderClients(
                configuration.providers, transport: configuration.makeTransport(), now: { clock.now() })
            jobRun.sharedBudget = redisTier?.budget
            jobRun.sharedCatalog = redisTier?.sharedCatalog(logger: logger)
            jobRun.progress = { display.show($0) }
            jobRun.tellsRunTimeLeft = display.showsProgress
            let stop = StopOnSignals { number in
                logger.notice(
                    "received signal \(number): the request in flight has \(Int(GracefulShutdownTransport.gracePeriod))s to finish, then the run stops; a second signal ends it at once"
                )
            }
            let (plan, summary, runID) = try await CommandFailure.readingLibrary { [jobRun, limits] in
                try await stop.run { try await jobRun.run(jobSet, budgetOverride: limits.apply) }
            }
            display.finish()

            let runReport = RunReport(plan: plan, jobs: jobSet, summary: summary, runID: runID)
            if json { try Terminal.json(runReport) } else { print(runReport.text) }
            if let report {
                do {
                    try runReport.write(to: report)
                } catch {
                    Terminal.error("cannot write the report to '\(report)': \(error.localizedDescription)")
                }
            }
            if let metricsFile {
                let text = await RunMetrics.text(
                    report: runReport, lastSuccess: try cache.runs.lastSuccessfulRun(),
                    cacheHitRatio: RunMetrics.cacheHitRatio(runReport))
                do {
                    try RunMetrics.write(text, to: metricsFile)
                } catch {
                    Terminal.error("cannot write the metrics to '\(metricsFile)': \(error.localizedDescription)")
                }
            }
            switch summary.outcome {
            case .completed: return
            case .deferred, .parked: throw ExitStatus.notDoneYet.exitCode
            case .serviceUnavailable: throw ExitStatus.serviceUnavailable.exitCode
            case .configurationError(let message): throw CommandFailure(.badConfiguration, message)
            }
        }
    }
}

extension RunCommand: UsesCacheDatabase {}
