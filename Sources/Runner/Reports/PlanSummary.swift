import Foundation
import SwingCache

/// The plan as `swingcache plan --json` prints it. Field names are a stable interface: add, never rename.
public struct PlanSummary: Codable, Sendable {
    public struct Request: Codable, Sendable {
        public var kind: String
        public var market: String
        public var ids: [String]
        public var startsAfterSeconds: Double
    }

    public struct Budget: Codable, Sendable {
        public var perHour: Int
        public var minIntervalSeconds: Double
        public var reserve: Int
        public var maxRequests: Int?
        public var maxRuntimeSeconds: Double?
        public var requestsInLastHour: Int
        /// The rolling day's limit the plan kept (`per_day`, or the learned ceiling's share); absent when none.
        public var perDay: Int?
        public var requestsInLastDay: Int
        /// What Spotify allowed before its last `QUOTA_EXCEEDED`; absent until it answered one.
        public var learnedQuota: QuotaObservation?
    }

    public struct TTL: Codable, Sendable {
        public var ttlSeconds: Double
        public var requestsPerRefresh: Int
        public var capacityPerTTL: Int
        public var keepable: Bool
        public var minimumTTLSeconds: Double?
        public var minimumPerHour: Int?
    }

    /// What matching the SwingMusic library will cost, before the catalog requests.
    public struct Library: Codable, Sendable {
        public var swingMusicDatabase: String
        public var files: Int
        public var needingMatching: Int
        /// One search per file, a second for a file whose ISRC finds nothing.
        public var searchRequestsAtLeast: Int
        public var searchRequestsAtMost: Int

        public init(_ survey: LibraryImportResult) {
            swingMusicDatabase = survey.databasePath
            files = survey.files
            needingMatching = survey.needingMatching
            searchRequestsAtLeast = survey.searchRequests.lowerBound
            searchRequestsAtMost = survey.searchRequests.upperBound
        }
    }

    public var jobs: [String]
    public var createdAt: Date
    public var targets: Int
    public var duplicates: Int
    public var items: [String: Int]
    public var modes: [String: String]
    public var parkedUntil: Date?
    public var requestsNeeded: Int
    public var requestsThisRun: Int
    public var itemsThisRun: Int
    public var itemsDeferred: Int
    public var deferredByState: [String: Int]
    public var limitedBy: String?
    public var runSeconds: Double
    public var secondsToFinish: Double?
    public var budget: Budget
    public var ttl: TTL
    public var requests: [Request]
    /// Absent when no job names a library.
    public var library: Library?
    /// What a run would ask each provider the library's `enrich:` names; absent when it names none.
    public var providers: [String: ProviderPreview]?
    /// Every request the run will make (searches, catalog, each provider); absent for a job without a library.
    public var allTold: RequestEstimate?

    public init(
        plan: Plan, jobs: JobSet, library: LibraryImportResult? = nil, providers: [String: ProviderPreview] = [:]
    ) {
        self.library = library.map(Library.init)
        self.providers = providers.isEmpty ? nil : providers
        allTold =
            library != nil || !providers.isEmpty
            ? RequestEstimate(plan: plan, library: library, providers: providers) : nil
        self.jobs = jobs.names
        createdAt = plan.createdAt
        targets = plan.totalTargets
        duplicates = jobs.duplicateCount
        items = Dictionary(
            uniqueKeysWithValues: FreshnessState.allCases.map { ($0.rawValue, plan.itemsByState[$0] ?? 0) })
        modes = Dictionary(
            uniqueKeysWithValues: EntityKind.allCases.map { ($0.rawValue, plan.serviceState.mode(for: $0).rawValue) })
        parkedUntil = plan.serviceState.parkedUntil.flatMap { $0 > plan.createdAt ? $0 : nil }
        requestsNeeded = plan.requestsNeeded
        requestsThisRun = plan.requests.count
        itemsThisRun = plan.itemsThisRun
        itemsDeferred = plan.itemsDeferred
        deferredByState = Dictionary(uniqueKeysWithValues: plan.deferredByState.map { ($0.key.rawValue, $0.value) })
        limitedBy = plan.limitedBy.map(\.key)
        runSeconds = plan.runDuration
        secondsToFinish = plan.timeToFinish
        budget = Budget(
            perHour: plan.budget.perHour, minIntervalSeconds: plan.budget.minInterval, reserve: plan.budget.reserve,
            maxRequests: plan.budget.maxRequests, maxRuntimeSeconds: plan.budget.maxRuntime,
            requestsInLastHour: plan.requestsInLastHour, perDay: plan.dailyLimit,
            requestsInLastDay: plan.requestsInLastDay, learnedQuota: plan.serviceState.learnedQuota)
        ttl = TTL(
            ttlSeconds: plan.ttlCheck.ttl, requestsPerRefresh: plan.ttlCheck.requestsPerRefresh,
            capacityPerTTL: plan.ttlCheck.capacityPerTTL, keepable: plan.ttlCheck.keepable,
            minimumTTLSeconds: plan.ttlCheck.minimumTTL.isFinite ? plan.ttlCheck.minimumTTL : nil,
            minimumPerHour: plan.ttlCheck.minimumPerHour)
        requests = plan.requests.map {
            Request(
                kind: $0.kind.rawValue, market: $0.market, ids: $0.ids.map(\.value),
                startsAfterSeconds: $0.scheduledAt.timeIntervalSince(plan.createdAt))
        }
    }
}
