import Foundation
import SwingCache

/// A run's summary as `swingcache run --json` prints it and the `run` row keeps it. Add fields, never rename.
public struct RunReport: Codable, Sendable {
    public var version = 1
    public var service = "spotify"
    public var runID: Int64?
    public var jobs: [String]
    public var outcome: String
    public var reason: String?
    public var parkedUntil: Date?
    public var startedAt: Date
    public var finishedAt: Date
    public var planned: Planned
    public var items: Items
    public var requests: Requests
    public var waitedSeconds: [String: Double]
    public var modeChanges: [String]
    public var errors: [String]
    public var plan: PlanSummary
    /// The SwingMusic library's import and matching; absent when no job names a library.
    public var library: Library?
    /// What each enrichment provider did, by name; absent when no job enriches its library.
    public var providers: [String: ProviderSummary]?

    public struct Planned: Codable, Sendable {
        public var requestsNeeded: Int
        public var requestsThisRun: Int
        public var itemsThisRun: Int
    }

    public struct Items: Codable, Sendable {
        public var fetched: Int
        public var alreadyFresh: Int
        public var knownMissing: Int
        public var foundMissing: Int
        public var invalid: Int
        public var deferred: Int
        public var failed: Int
    }

    public struct Requests: Codable, Sendable {
        /// Every request that reached a service in the run: Spotify's (searches included) and each provider's.
        public var total: Int
        /// `total` by service: `spotify` and the report's provider names.
        public var byService: [String: Int]
        /// Spotify's requests by status; each provider's are in its own summary.
        public var byStatus: [String: Int]
        public var rateLimited: Int
        public var retries: Int
        public var tokenFetches: Int
    }

    public struct Library: Codable, Sendable {
        public var swingMusicDatabase: String
        public var files: Int
        public var added: Int
        public var changed: Int
        public var removed: Int
        public var needingMatching: Int
        public var matched: Int
        public var lowConfidence: Int
        public var ambiguous: Int
        public var unmatched: Int
        public var failed: Int
        public var deferred: Int
        public var searchRequests: Int
        public var matchedTargets: Int
        public var review: [String]

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
            matchedTargets = summary.matchedTargets
            review = summary.review
        }
    }

    public init(plan: Plan, jobs: JobSet, summary: RunSummary, runID: Int64?) {
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
    public var jsonLine: String? {
        var compact = self
        compact.plan.requests = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(compact)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the report, pretty-printed, to `path` atomically: a reader never sees half a file.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
