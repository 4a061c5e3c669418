import ArgumentParser
import Foundation
import Logging
import Runner
import SharedTier
import SwingCache
import SwingMusicLibrary

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
            the hour's budget over a day) and what the first day buys; with enrich:, what a run would ask each provider: its \
            keys, how many are fresh or due, the requests (a range where it depends on matching or on \
            MusicBrainz's answers) and the least time they take at the provider's pace.

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
            let preview = try await Self.preview(
                jobSet, store: store, configuration: configuration, limits: limits, logger: log.makeLogger())
            try preview.print(json: json)
        }
    }

    /// A plan, with what matching the library will cost when a job names one.
    struct Preview {
        var plan: Plan
        var jobs: JobSet
        var library: LibraryImportResult?
        /// What each provider the library's `enrich:` names would be asked, by name.
        var providers: [String: ProviderPreview] = [:]

        func print(json: Bool) throws {
            if json {
                try Terminal.json(PlanSummary(plan: plan, jobs: jobs, library: library, providers: providers))
            } else {
                Swift.print(PlanWording.text(for: plan, jobs: jobs, library: library, providers: providers))
            }
        }
    }

    /// The plan a run would carry out now, with the library's matched tracks as targets and the files still to
    /// match counted; nothing is written, neither to the cache nor to the SwingMusic database.
    static func preview(
        _ jobSet: JobSet, store: StoreOptions, configuration: SwingCacheConfiguration, limits: RunLimitOptions,
        logger: Logger
    ) async throws -> Preview {
        var jobSet = jobSet
        var library: LibraryImportResult?
        var providers: [String: ProviderPreview] = [:]
        let cache = TieredCache(
            store: try store.openStore(.readOnly), shared: configuration.makeRedisTier()?.sharedCatalog(logger: logger))
        if let source = jobSet.librarySpec?.library {
            let survey = LibraryImport(store: cache.store, clock: SystemClock(), logger: logger)
            let found = try await Self.readingLibrary { try await survey.survey(source) }
            library = found.found
            if let enrichment = jobSet.librarySpec?.enrichment {
                providers = try ProviderPreview.estimate(
                    found, settings: enrichment, configuration: configuration.providers, store: cache.store,
                    now: store.currentTime)
            }
            jobSet.addLibraryMatches(
                try cache.store.matchedSpotifyTrackIDs().map { SpotifyID(kind: .track, value: $0) })
        }
        let plan = try await Scheduler(cache: cache, modeRecheckAfter: configuration.modeRecheck).plan(
            jobSet, now: store.currentTime, budgetOverride: limits.apply)
        return Preview(plan: plan, jobs: jobSet, library: library, providers: providers)
    }

    /// Runs `body`, turning a SwingMusic database that cannot be found or read into exit 77 with its message, and one
    /// SwingMusic keeps busy into exit 75.
    static func readingLibrary<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SwingMusicLibraryError {
            throw CommandFailure(error.problem == .busy ? .notDoneYet : .badConfiguration, error.description)
        }
    }
}

extension PlanCommand: UsesCacheDatabase {}
