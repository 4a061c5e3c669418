import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct PlannerTests {
    let now = Date.testEpoch
    let policy = FreshnessPolicy(ttl: 12 * 3600, refreshAhead: 3600, missingTTL: 6 * 3600)

    func targets(_ ids: [SpotifyID], market: String = "US") -> [PlanTarget] {
        ids.map { PlanTarget(id: $0, market: market, freshness: policy) }
    }

    func plan(
        _ targets: [PlanTarget], cache: [SpotifyID: CacheEntryState] = [:], ledger: [Date] = [],
        service: ServiceState = ServiceState(), budget: BudgetPolicy = BudgetPolicy()
    ) -> Plan {
        Planner(budget: budget).plan(
            targets: targets, invalidCount: 0, cache: cache, recentRequests: ledger, service: service, now: now)
    }

    @Test func coldTargetsArePackedIntoTheFewestBatchRequests() {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 120) + factory.ids(.album, count: 45) + factory.ids(.artist, count: 1)
        let result = plan(targets(ids))
        #expect(result.requests.map(\.ids.count) == [50, 50, 20, 20, 20, 5, 1])
        #expect(result.requestsNeeded == 7)
        #expect(result.deferred.isEmpty)
        #expect(result.requests.map { $0.scheduledAt.timeIntervalSince(now) } == [0, 2, 4, 6, 8, 10, 12])
    }

    @Test func perItemModeMakesOneRequestPerID() {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 7) + factory.ids(.album, count: 3)
        let result = plan(targets(ids), service: ServiceState(modes: [.track: .perItem]))
        #expect(result.requests.map(\.ids.count) == [1, 1, 1, 1, 1, 1, 1, 3])
    }

    @Test func missingComesBeforeStaleOldestFirstThenDue() {
        var factory = CatalogFactory()
        let fresh = factory.id(.track)
        let due = factory.id(.track)
        let staleOld = factory.id(.track)
        let staleNew = factory.id(.track)
        let missing = factory.id(.track)
        let knownMissing = factory.id(.track)
        let cache: [SpotifyID: CacheEntryState] = [
            fresh: .cached(fetchedAt: now, expiresAt: now.addingTimeInterval(7200)),
            due: .cached(fetchedAt: now, expiresAt: now.addingTimeInterval(1800)),
            staleNew: .cached(fetchedAt: now, expiresAt: now.addingTimeInterval(-60)),
            staleOld: .cached(fetchedAt: now, expiresAt: now.addingTimeInterval(-7200)),
            knownMissing: .knownMissing(reason: .notFound, expiresAt: now.addingTimeInterval(60)),
        ]
        let result = plan(
            targets([fresh, due, staleNew, staleOld, missing, knownMissing]), cache: cache,
            service: ServiceState(modes: [.track: .perItem]))
        #expect(result.requests.flatMap(\.ids) == [missing, staleOld, staleNew, due])
        #expect(result.itemsByState == [.fresh: 1, .due: 1, .stale: 2, .missing: 1, .knownMissing: 1])
    }

    @Test func aSpentHourDefersTheRestAndSaysWhy() {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 5)
        let ledger = (0..<950).map { now.addingTimeInterval(-3500 + Double($0)) }
        let result = plan(targets(ids), ledger: ledger, service: ServiceState(modes: [.track: .perItem]))
        #expect(result.requests.isEmpty)
        #expect(result.deferred == ids)
        #expect(result.deferredByState == [.missing: 5])
        #expect(result.limitedBy == .hourlyQuota)
        #expect(result.requestsInLastHour == 950)
        // The first ledger entry leaves the window 100 s from now; the other four follow 2 s apart.
        #expect(result.timeToFinish == 108)
    }

    @Test func maxRuntimeLetsTheRunWaitForTheWindow() {
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 5)
        let ledger = (0..<950).map { now.addingTimeInterval(-3500 + Double($0)) }
        let result = plan(
            targets(ids), ledger: ledger, service: ServiceState(modes: [.track: .perItem]),
            budget: BudgetPolicy(maxRuntime: 102))
        #expect(result.requests.map { $0.scheduledAt.timeIntervalSince(now) } == [100, 102])
        #expect(result.limitedBy == .maxRuntime(102))
    }

    @Test func maxRequestsCapsTheRun() {
        var factory = CatalogFactory()
        let result = plan(targets(factory.ids(.track, count: 200)), budget: BudgetPolicy(maxRequests: 3))
        #expect(result.requests.count == 3)
        #expect(result.itemsDeferred == 50)
        #expect(result.limitedBy == .maxRequests(3))
    }

    @Test func aParkedServiceGetsNoRequests() {
        var factory = CatalogFactory()
        let until = now.addingTimeInterval(6 * 3600)
        let result = plan(
            targets(factory.ids(.track, count: 10)),
            service: ServiceState(parkedUntil: until, parkedReason: "QUOTA_EXCEEDED"))
        #expect(result.requests.isEmpty)
        #expect(result.limitedBy == .parked(until: until, reason: "QUOTA_EXCEEDED"))
    }

    @Test func differentMarketsAreNeverMixedInOneRequest() {
        var factory = CatalogFactory()
        let us = targets(factory.ids(.track, count: 3), market: "US")
        let de = targets(factory.ids(.track, count: 3), market: "DE")
        let result = plan(us + de)
        #expect(result.requests.map(\.market) == ["US", "DE"])
        #expect(result.requests.map(\.ids.count) == [3, 3])
    }

    @Test func withNoTargetsYetTheTTLCheckSpeaksOfTheJobsTTL() {
        let week: TimeInterval = 7 * 86_400
        let empty = Planner(budget: BudgetPolicy(), ttlWithoutTargets: week).plan(
            targets: [], invalidCount: 0, cache: [:], recentRequests: [], service: ServiceState(), now: now)
        #expect(empty.ttlCheck.ttl == week)
        #expect(empty.ttlCheck.keepable)
    }

    @Test func theTTLCheckSaysWhatWouldKeepAnOversizedLibraryFresh() {
        var factory = CatalogFactory()
        let result = plan(
            targets(factory.ids(.track, count: 30)), service: ServiceState(modes: [.track: .perItem]),
            budget: BudgetPolicy(perHour: 12, minInterval: 2, reserve: 2))
        // 30 requests per refresh, 10 an hour: a 12-hour ttl holds 120.
        #expect(result.ttlCheck.keepable)
        let tight = Planner(budget: BudgetPolicy(perHour: 3, minInterval: 2, reserve: 1)).plan(
            targets: targets(factory.ids(.track, count: 30)), invalidCount: 0, cache: [:], recentRequests: [],
            service: ServiceState(modes: [.track: .perItem]), now: now)
        #expect(!tight.ttlCheck.keepable)
        #expect(tight.ttlCheck.capacityPerTTL == 24)
        #expect(tight.ttlCheck.minimumTTL == 15 * 3600)
        #expect(tight.ttlCheck.minimumPerHour == 4)
    }

    @Test func generatedCasesKeepEveryPromise() {
        var generator = SeededGenerator(seed: 2026)
        for caseNumber in 0..<300 {
            var factory = CatalogFactory(seed: UInt64(caseNumber) + 1)
            let budget = BudgetPolicy(
                perHour: Int.random(in: 1...120, using: &generator),
                minInterval: Double(Int.random(in: 0...30, using: &generator)),
                reserve: 0,
                maxRequests: Bool.random(using: &generator) ? Int.random(in: 1...40, using: &generator) : nil,
                maxRuntime: Bool.random(using: &generator) ? Double(Int.random(in: 1...7200, using: &generator)) : nil)
            let kinds = EntityKind.allCases
            let ids = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                factory.id(kinds.randomElement(using: &generator)!)
            }
            var cache: [SpotifyID: CacheEntryState] = [:]
            for id in ids {
                let offset = Double(Int.random(in: -50_000...50_000, using: &generator))
                switch Int.random(in: 0...3, using: &generator) {
                case 0: break
                case 1, 2: cache[id] = .cached(fetchedAt: now, expiresAt: now.addingTimeInterval(offset))
                default: cache[id] = .knownMissing(reason: .notFound, expiresAt: now.addingTimeInterval(offset))
                }
            }
            let ledger = (0..<Int.random(in: 0...budget.perHour, using: &generator)).map { _ in
                now.addingTimeInterval(-Double(Int.random(in: 1...3599, using: &generator)))
            }.sorted()
            var modes: [EntityKind: ServiceMode] = [:]
            for kind in kinds { modes[kind] = [.unknown, .batch, .perItem].randomElement(using: &generator)! }
            let service = ServiceState(modes: modes)
            let planTargets = targets(ids)
            let first = plan(planTargets, cache: cache, ledger: ledger, service: service, budget: budget)
            let second = plan(planTargets, cache: cache, ledger: ledger, service: service, budget: budget)

            #expect(first.requests == second.requests, "case \(caseNumber): same input, same plan")
            #expect(first.deferred == second.deferred, "case \(caseNumber)")
            checkBudget(first, ledger: ledger, budget: budget, caseNumber: caseNumber)
            checkBatches(first, service: service, caseNumber: caseNumber)
            checkPriorities(first, targets: planTargets, cache: cache, caseNumber: caseNumber)
        }
    }

    private func checkBudget(_ plan: Plan, ledger: [Date], budget: BudgetPolicy, caseNumber: Int) {
        let starts = plan.requests.map(\.scheduledAt)
        if let maxRequests = budget.maxRequests { #expect(starts.count <= maxRequests, "case \(caseNumber)") }
        var previous = ledger.last
        for start in starts {
            #expect(start >= now, "case \(caseNumber)")
            if let maxRuntime = budget.maxRuntime {
                #expect(start.timeIntervalSince(now) <= maxRuntime, "case \(caseNumber)")
            }
            if let previous { #expect(start.timeIntervalSince(previous) >= budget.minInterval, "case \(caseNumber)") }
            let inWindow = (ledger + starts).filter { $0 > start.addingTimeInterval(-3600) && $0 <= start }.count
            #expect(inWindow <= budget.perHourForRuns, "case \(caseNumber): \(inWindow) in one hour")
            previous = start
        }
    }

    private func checkBatches(_ plan: Plan, service: ServiceState, caseNumber: Int) {
        for request in plan.requests {
            #expect(request.ids.allSatisfy { $0.kind == request.kind }, "case \(caseNumber)")
            #expect(
                request.ids.count <= service.mode(for: request.kind).idsPerRequest(for: request.kind),
                "case \(caseNumber)")
            #expect(!request.ids.isEmpty, "case \(caseNumber)")
        }
    }

    private func checkPriorities(
        _ plan: Plan, targets: [PlanTarget], cache: [SpotifyID: CacheEntryState], caseNumber: Int
    ) {
        let planned = plan.requests.flatMap(\.ids)
        let needed = targets.filter { policy.state(of: cache[$0.id] ?? .absent, at: now).needsFetch }.map(\.id)
        #expect(Set(planned).isDisjoint(with: plan.deferred), "case \(caseNumber)")
        #expect(Set(planned + plan.deferred) == Set(needed), "case \(caseNumber): every needed id planned or deferred")
        #expect(planned.count + plan.deferred.count == needed.count, "case \(caseNumber): none twice")
        func priority(_ id: SpotifyID) -> Int { policy.state(of: cache[id] ?? .absent, at: now).fetchPriority }
        for kind in EntityKind.allCases {
            let plannedPriorities = planned.filter { $0.kind == kind }.map(priority)
            let deferredPriorities = plan.deferred.filter { $0.kind == kind }.map(priority)
            #expect(
                plannedPriorities == plannedPriorities.sorted(), "case \(caseNumber): priority order within \(kind)")
            if let worstPlanned = plannedPriorities.max(), let bestDeferred = deferredPriorities.min() {
                #expect(
                    worstPlanned <= bestDeferred, "case \(caseNumber): nothing urgent deferred behind less urgent work")
            }
        }
    }

    @Test func theWidestBudgetAndTTLsASpecAllowsPlanWithoutTrapping() {
        var factory = CatalogFactory()
        let longest = FreshnessPolicy(ttl: DurationText.longest, refreshAhead: 0, missingTTL: DurationText.longest)
        let shortest = FreshnessPolicy(ttl: DurationText.shortest, refreshAhead: 0, missingTTL: DurationText.shortest)
        let ids = factory.ids(.track, count: 120)
        for freshness in [longest, shortest] {
            for budget in [
                BudgetPolicy(
                    perHour: BudgetPolicy.largestCount, minInterval: 0, reserve: 0,
                    maxRequests: BudgetPolicy.largestCount, maxRuntime: DurationText.longest),
                BudgetPolicy(perHour: BudgetPolicy.largestCount, minInterval: DurationText.longest, reserve: 0),
                BudgetPolicy(perHour: 1, minInterval: DurationText.shortest, reserve: 0),
            ] {
                let planned = plan(ids.map { PlanTarget(id: $0, market: "US", freshness: freshness) }, budget: budget)
                #expect(planned.requestsNeeded == 3)
                #expect(planned.ttlCheck.capacityPerTTL >= 0)
            }
        }
    }
}
