import CacheStore
import Foundation
import Runner
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct SchedulerTests {
    let now = Date.testEpoch

    @Test func aPlanForFiftyThousandTargetsComesFromARealDatabaseFile() async throws {
        let folder = try TemporaryDirectory()
        let store = try folder.store()
        var factory = CatalogFactory(seed: 50_000)
        let fresh = factory.ids(.track, count: 20_000)
        let due = factory.ids(.track, count: 5_000)
        let stale = factory.ids(.track, count: 10_000)
        let knownMissing = factory.ids(.track, count: 1_000)
        let missing = factory.ids(.track, count: 14_000)
        try await store.catalog.save([
            .fetched(fresh, at: now.addingTimeInterval(-600), ttl: 12 * 3600),
            .fetched(due, at: now.addingTimeInterval(-11 * 3600), ttl: 12 * 3600),
            .fetched(stale, at: now.addingTimeInterval(-13 * 3600), ttl: 12 * 3600),
            .missing(knownMissing, at: now, ttl: 6 * 3600),
        ])
        for second in 0..<100 {
            try await store.ledger.record(
                LedgerEntry(
                    service: Scheduler.spotify, endpoint: "tracks",
                    requestedAt: now.addingTimeInterval(-Double(second) * 30), status: 200))
        }
        let ids = fresh + due + stale + knownMissing + missing
        let spec = JobSpec(
            name: "library", path: "library.yaml", freshness: FreshnessPolicy(refreshAhead: 2 * 3600),
            targets: ids.map { JobTarget(id: $0, origin: SourceLocation(file: "ids.txt", line: 1, column: 1)) })

        let plan = try await Scheduler(store: store).plan(JobSet(specs: [spec], defaultMarket: "US"), now: now)

        #expect(
            plan.itemsByState == [.fresh: 20_000, .due: 5_000, .stale: 10_000, .knownMissing: 1_000, .missing: 14_000])
        #expect(plan.requestsNeeded == 580)
        #expect(plan.requestsInLastHour == 100)
        #expect(plan.requests.count == 580)
        let missingSet = Set(missing)
        #expect(plan.requests.prefix(280).allSatisfy { request in request.ids.allSatisfy(missingSet.contains) })
        #expect(plan.ttlCheck.keepable)
    }
}
