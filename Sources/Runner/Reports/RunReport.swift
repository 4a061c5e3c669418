import Foundation
import SwingCache

/// A run's summary as `swingcache run --json` prints it and the `run` row keeps it. Add fields, never rename.
package struct RunReport: Codable, Sendable {
    package var version = 1
    package var service = "spotify"
    package var runID: Int64?
    package var jobs: [String]
    package var outcome: String
    package var reason: String?
    package var parkedUntil: Date?
    package var startedAt: Date
    package var finishedAt: Date
    package var planned: Planned
    package var items: Items
    package var requests: Requests
    package var waitedSeconds: [String: Double]
    package var modeChanges: [String]
    package var errors: [String]
    package var plan: PlanSummary
    /// The SwingMusic library's import and matching; absent when no job names a library.
    package var library: Library?
    /// What each enrichment provider did, by name; absent when no job enriches its library.
    package var providers: [String: ProviderSummary]?

    package struct Planned: Codable, Sendable {
        package var requestsNeeded: Int
        package var requestsThisRun: Int
        package var itemsThisRun: Int
    }

    package struct Items: Codable, Sendable {
        package var fetched: Int
        package var alreadyFresh: Int
        package var knownMissing: Int
        package var foundMissing: Int
        package var invalid: Int
        package var deferred: Int
        package var failed: Int
    }

    package struct Requests: Codable, Sendable {
        /// Every request that reached a service in the run: Spotify's (searches included) and each provider's.
        package var total: Int
        /// `total` by service: `spotify` and the report's provider names.
        package var byService: [String: Int]
        /// Spotify's requests by status; each provider's are in its own summary.
        package var byStatus: [String: Int]
        package var rateLimited: Int
        package var retries: Int
        package var tokenFetches: Int
    }

    package struct Library: Codable, Sendable {
        package var swingMusicDatabase: String
        package var files: Int
        package var added: Int
        package var changed: Int
        package var removed: Int
        package var needingMatching: Int
        package var matched: Int
        package var lowConfidence: Int
        package var ambiguous: Int
        package var unmatched: Int
        package var failed: Int
        package var deferred: Int
        package var searchRequests: Int
        package var storedFromSearch: Int
        package var matchedTargets: Int
        package var review: [String]

        init(_ summary: LibrarySummary) {
            swingMusicDatabase = summary.databasePath
            files = summary.files
            added = summary.added
            changed = summary.changed
            removed = summary.removed
            needingMatching = summary.needingMatching
            matched = summary.matched
            lowConfidence = summary.lowConfidence
            ambiguous = summary.ambiguous
            unmatched = summary.unmatched
            failed = summary.failed
            deferred = summary.deferred
            searchRequests = summary.searchRequests
            storedFromSearch = summary.storedFromSearch
            matchedTargets = summary.matchedTargets
            review = summary.review
        }
    }

    package init(plan: Plan, jobs: JobSet, summary: RunSummary, runID: Int64?) {
        self.runID = runID
        self.jobs = jobs.names
        outcome = summary.outcome.name
        switch summary.outcome {
        case .completed: reason = nil
        case .deferred(let why), .serviceUnavailable(let why), .configurationError(let why): reason = why
        case .parked(let until, let why):
            reason = why
            parkedUntil = until
        }
        startedAt = summary.startedAt
        finishedAt = summary.finishedAt
        planned = Planned(
            requestsNeeded: plan.requestsNeeded, requestsThisRun: plan.requests.count, itemsThisRun: plan.itemsThisRun)
        items = Items(
            fetched: summary.fetched, alreadyFresh: summary.alreadyFresh, knownMissing: summary.knownMissing,
            foundMissing: summary.foundMissing, invalid: summary.invalid, deferred: summary.deferred,
            failed: summary.failed)
        var byService = ["spotify": summary.requests]
        for (name, provider) in summary.providers { byService[name] = provider.requests }
        requests = Requests(
            total: byService.values.reduce(0, +), byService: byService,
            byStatus: Dictionary(uniqueKeysWithValues: summary.responsesByStatus.map { (String($0.key), $0.value) }),
            rateLimited: summary.rateLimited, retries: summary.retries, tokenFetches: summary.tokenFetches)
        waitedSeconds = Dictionary(
            uniqueKeysWithValues: summary.waited.map { ($0.key.rawValue, ($0.value * 1000).rounded() / 1000) })
        modeChanges = summary.modeChanges
        errors = summary.problems
        self.plan = PlanSummary(plan: plan, jobs: jobs)
        library = summary.library.map(Library.init)
        providers = summary.providers.isEmpty ? nil : summary.providers
    }

    /// The report as one line of JSON, for the `run` row.
    /// The planned requests' ids are left out: the row is for history, and a library-sized list of ids would
    /// dwarf everything else in it.
    package var jsonLine: String? {
        var compact = self
        compact.plan.requests = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(compact)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the report, pretty-printed, to `path` atomically: a reader never sees half a file.
    package func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
