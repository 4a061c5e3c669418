import ArgumentParser
import Foundation
import Runner
import SwingCache

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the requests a run would make now, what it would defer, and whether the quota keeps up.",
        discussion: """
            Reads the cache (the shared Redis cache first, when SWINGCACHE_REDIS_URL is set) and the request \
            ledger, but writes nothing and calls no service.

            With a SwingMusic library (library:), it also reads the library and says how many files need \
            matching, what that costs in searches (a match stores its track: no catalog request), and which \
            go first: the most played, and what share of the plays of the files to match this run's budget \
            reaches; and when the whole library is matched at the daily quota (per_day, the learned ceiling, or \
            the hour's budget over a day) and what the first day buys; with enrich:, what a run would ask each \
            provider: its keys, how many are fresh or due, the requests (a range where it depends on matching or \
            on MusicBrainz's answers) and the least time they take at the provider's pace.

            Examples:
              swingcache plan jobs/nightly.yaml
              swingcache plan jobs/nightly.yaml jobs/library-enrichment.yaml --max-requests 100 --json
              swingcache plan jobs/library.yaml    # what matching and enriching the library costs
            """
    )

    @Argument(
        help: ArgumentHelp("Job spec files (YAML).", valueName: "job.yaml"),
        completion: .file(extensions: ["yaml", "yml"]))
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
            try await RunPreview.make(jobSet, store: store, configuration: configuration, limits: limits, log: log)
                .print(json: json)
        }
    }
}

extension PlanCommand: UsesCacheDatabase {}
