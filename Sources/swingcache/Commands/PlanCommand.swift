import ArgumentParser
import Foundation
import Runner
import SwingCache

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the requests a run would make now, what it would defer, and whether the quota keeps up.",
        discussion: """
            Reads the cache and the request ledger but writes nothing and calls no service.

            Examples:
              swingcache plan jobs/nightly.yaml
              swingcache plan jobs/*.yaml --max-requests 100 --json
            """
    )

    @Argument(help: ArgumentHelp("Job spec files (YAML).", valueName: "job.yaml"))
    var jobs: [String]

    @OptionGroup var store: StoreOptions

    @OptionGroup var limits: RunLimitOptions

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() throws {
        try reportingFailures {
            let jobSet = JobSet(specs: try JobSpecFiles.load(jobs), defaultMarket: try store.configuration().market)
            let cache = try store.openStore(.readOnly)
            let plan = try Scheduler(store: cache).plan(jobSet, now: store.currentTime, budgetOverride: limits.apply)
            if json {
                try Terminal.json(PlanSummary(plan: plan, jobs: jobSet))
            } else {
                print(PlanWording.text(for: plan, jobs: jobSet))
            }
        }
    }
}
