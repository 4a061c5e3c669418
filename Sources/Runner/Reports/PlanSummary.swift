import Foundation
import SwingCache

/// The plan as `swingcache plan --json` prints it. Field names are a stable interface: add, never rename.
package struct PlanSummary: Codable, Sendable {
    package struct Request: Codable, Sendable {
        package var kind: String
        package var market: String
        package var ids: [String]
        package var startsAfterSeconds: Double
    }

    package struct Budget: Codable, Sendable {
        package var perHour: Int
        package var minIntervalSeconds: Double
        package var reserve: Int
        package var maxRequests: Int?
        package var maxRuntimeSeconds: Double?
        package var requestsInLastHour: Int
        /// The rolling day's limit the plan kept (`per_day`, or the learned ceiling's share); absent when none.
        package var perDay: Int?
        package var requestsInLastDay: Int
        /// What Spotify allowed before its last `QUOTA_EXCEEDED`; absent until it answered one.
        package var learnedQuota: QuotaObservation?
    }

    package struct TTL: Codable, Sendable {
        package var ttlSeconds: Double
        package var requestsPerRefresh: Int
        package var capacityPerTTL: Int
        package var keepable: Bool
        package var minimumTTLSeconds: Double?
        package var minimumPerHour: Int?
    }

    /// What matching the SwingMusic library will cost, before the catalog requests.
    package struct Library: Codable, Sendable {
        package var swingMusicDatabase: String
        package var files: Int
        package var needingMatching: Int
        /// One search per file, a second for a file whose ISRC finds nothing usable.
        package var searchRequestsAtLeast: Int
        package var searchRequestsAtMost: Int
        /// Files matched a day at the daily quota the plan keeps, one search each; absent when none is left to match.
        package var filesPerDay: Int?
        /// When the last file to match is matched at that pace.
        package var matchedByDate: Date?
        package var daysToMatch: Int?

        package init(_ survey: LibraryImportResult, plan: Plan) {
            swingMusicDatabase = survey.databasePath
            files = survey.files
            needingMatching = survey.needingMatching
            searchRequestsAtLeast = survey.searchRequests.lowerBound
            searchRequestsAtMost = survey.searchRequests.upperBound
            let forecast = survey.forecast(for: plan)
            filesPerDay = forecast?.filesPerDay
            matchedByDate = forecast?.finishes
            daysToMatch = forecast?.days
        }
    }

    package var jobs: [String]
    package var createdAt: Date
    package var targets: Int
    package var duplicates: Int
    package var items: [String: Int]
    package var modes: [String: String]
    package var parkedUntil: Date?
    package var requestsNeeded: Int
    package var requestsThisRun: Int
    package var itemsThisRun: Int
    package var itemsDeferred: Int
    package var deferredByState: [String: Int]
    package var limitedBy: String?
    package var runSeconds: Double
    package var secondsToFinish: Double?
    package var budget: Budget
    package var ttl: TTL
    package var requests: [Request]
    /// Absent when no job names a library.
    package var library: Library?
    /// What a run would ask each provider the library's `enrich:` names; absent when it names none.
    package var providers: [String: ProviderPreview]?
    /// Every request the run will make (searches, catalog, each provider); absent for a job without a library.
    package var allTold: RequestEstimate?

    package init(
        plan: Plan, jobs: JobSet, library: LibraryImportResult? = nil, providers: [String: ProviderPreview] = [:]
    ) {
        self.library = library.map { Library($0, plan: plan) }
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
