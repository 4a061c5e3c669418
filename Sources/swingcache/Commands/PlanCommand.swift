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

    @Option(help: ArgumentHelp("Make at most this many requests (overrides budget.max_requests).", valueName: "n"))
    var maxRequests: Int?

    @Option(
        help: ArgumentHelp(
            "Start no request after this long, e.g. 30m (overrides budget.max_runtime).", valueName: "duration"))
    var maxRuntime: DurationArgument?

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func validate() throws {
        if let maxRequests, maxRequests < 1 {
            throw ValidationError("--max-requests must be at least 1, got \(maxRequests)")
        }
    }

    func run() throws {
        try reportingFailures {
            let jobSet = JobSet(specs: try JobSpecFiles.load(jobs), defaultMarket: JobSpecFiles.defaultMarket)
            let cache = try store.openStore(.readOnly)
            let plan = try Scheduler(store: cache).plan(jobSet, now: store.currentTime) { budget in
                var budget = budget
                if let maxRequests { budget.maxRequests = maxRequests }
                if let maxRuntime { budget.maxRuntime = maxRuntime.seconds }
                return budget
            }
            if json {
                try Terminal.json(PlanSummary(plan: plan, jobs: jobSet))
            } else {
                print(PlanWording.text(for: plan, jobs: jobSet))
            }
        }
    }
}
