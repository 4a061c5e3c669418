import ArgumentParser
import Foundation
import Logging
import Runner
import SwingCache

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the requests a run would make now, what it would defer, and whether the quota keeps up.",
        discussion: """
            Reads the cache (the shared Redis cache first, when SWINGCACHE_REDIS_URL is set) and the request \
            ledger, but writes nothing and calls no service.

            Examples:
              swingcache plan jobs/nightly.yaml
              swingcache plan jobs/*.yaml --max-requests 100 --json
            """
    )

    @Argument(help: ArgumentHelp("Job spec files (YAML).", valueName: "job.yaml"))
    var jobs: [String]

    @OptionGroup var store: StoreOptions

    @OptionGroup var limits: RunLimitOptions

    @OptionGroup var log: LogOptions

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let configuration = try store.configuration()
            let jobSet = JobSet(specs: try JobSpecFiles.load(jobs), defaultMarket: configuration.market)
            let plan = try await Self.plan(
                jobSet, store: store, configuration: configuration, limits: limits, logger: log.makeLogger())
            if json {
                try Terminal.json(PlanSummary(plan: plan, jobs: jobSet))
            } else {
                print(PlanWording.text(for: plan, jobs: jobSet))
            }
        }
    }

    /// The plan a run would carry out now, read from the tiers the configuration names; nothing is written.
    static func plan(
        _ jobSet: JobSet, store: StoreOptions, configuration: SwingCacheConfiguration, limits: RunLimitOptions,
        logger: Logger
    ) async throws -> Plan {
        let cache = TieredCache(
            store: try store.openStore(.readOnly), shared: configuration.makeRedisTier()?.sharedCatalog(logger: logger))
        return try await Scheduler(cache: cache, modeRecheckAfter: configuration.modeRecheck).plan(
            jobSet, now: store.currentTime, budgetOverride: limits.apply)
    }
}
