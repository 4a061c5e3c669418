import ArgumentParser
import CacheStore
import Foundation
import Runner
import SpotifyAPI
import SwingCache

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch what the jobs need, within the budget, and store every answer in the cache.",
        discussion: """
            Plans like `swingcache plan`, then makes the planned requests: paced by min_interval and the sliding
            hourly quota (shared by every run on the database), retried with backoff on 5xx, waiting out
            Retry-After, renewing the token on 401. Each answer is written with its ledger entry in one
            transaction, so a run that dies loses at most the request in flight.

            Needs SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (environment or config file); SWINGCACHE_SPOTIFY_API_URL
            and SWINGCACHE_SPOTIFY_TOKEN_URL point it elsewhere (scripts/demo.sh uses the fixture server).

            Examples:
              swingcache run jobs/nightly.yaml
              swingcache run jobs/library-enrichment.yaml --max-runtime 6h --json
              swingcache run jobs/nightly.yaml --dry-run

            Exit 0 when everything planned was fetched, 75 when work was deferred or Spotify parked the run,
            69 when requests kept failing, 77 for bad credentials or configuration.
            """
    )

    @Argument(help: ArgumentHelp("Job spec files (YAML).", valueName: "job.yaml"))
    var jobs: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var limits: RunLimitOptions
    @OptionGroup var log: LogOptions

    @Flag(help: "Show the plan and make no request.")
    var dryRun = false

    @Flag(help: "Print the run report as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let configuration = try store.configuration()
            let jobSet = JobSet(specs: try JobSpecFiles.load(jobs), defaultMarket: configuration.market)
            if dryRun {
                let plan = try Scheduler(store: try store.openStore(.readOnly)).plan(
                    jobSet, now: store.currentTime, budgetOverride: limits.apply)
                if json {
                    try Terminal.json(PlanSummary(plan: plan, jobs: jobSet))
                } else {
                    print(PlanWording.text(for: plan, jobs: jobSet))
                }
                return
            }
            let credentials = try StoreOptions.credentials(from: configuration)
            let cache = try store.openStore(.readWrite)
            let client = SpotifyClient(
                endpoints: configuration.endpoints, credentials: credentials, transport: URLSessionTransport())
            var jobRun = JobRun(store: cache, client: client, clock: SystemClock(), logger: log.makeLogger())
            jobRun.modeRecheck = configuration.modeRecheck
            let (plan, summary, runID) = try await jobRun.run(jobSet, budgetOverride: limits.apply)
            let report = RunReport(plan: plan, jobs: jobSet, summary: summary, runID: runID)
            if json { try Terminal.json(report) } else { print(report.text) }
            switch summary.outcome {
            case .completed: return
            case .deferred, .parked: throw ExitStatus.notDoneYet.exitCode
            case .serviceUnavailable: throw ExitStatus.serviceUnavailable.exitCode
            case .configurationError(let message): throw CommandFailure(.badConfiguration, message)
            }
        }
    }
}
