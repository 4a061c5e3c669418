import CacheStore
import FixtureServer
import Foundation
import Logging
import Outbound
import Runner
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import Testing

/// Spotify's 2026 Development-Mode quota, a rolling day of unpublished size: the fixture server refuses with
/// `QUOTA_EXCEEDED` once its trailing 24 h hold N requests, and runs on the test's manual clock learn that ceiling
/// from the first refusal and keep under it for a simulated week.
@Suite struct RollingDayQuotaTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let clock = ManualClock()

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    func jobs(_ ids: [SpotifyID], budget: BudgetPolicy) -> JobSet {
        let spec = JobSpec(
            name: "week", path: "week.yaml", freshness: FreshnessPolicy(ttl: 30 * 86_400),
            targets: ids.map { JobTarget(id: $0, origin: SourceLocation(file: "week.yaml", line: 1, column: 1)) },
            budget: budget)
        return JobSet(specs: [spec], defaultMarket: "US")
    }

    func run(_ jobs: JobSet, server: RunningFixtureServer) async throws -> RunSummary {
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(
                apiURL: try #require(URL(string: server.apiURL)), tokenURL: try #require(URL(string: server.tokenURL))),
            credentials: SpotifyCredentials(clientID: "swingcache-demo", clientSecret: "swingcache-demo-secret"),
            transport: AsyncHTTPClientTransport(), now: { clock.now() })
        let jobRun = JobRun(store: store, client: client, clock: clock, logger: Logger(label: "test"))
        return try await jobRun.run(jobs).summary
    }

    @Test func aFirstRunTripsTheQuotaAndLearnsItAndAWeekOfRunsNeverTripsItAgain() async throws {
        var options = FixtureServerOptions()
        options.developmentMode = true
        options.quotaPerDay = 100
        var factory = CatalogFactory()
        let ids = factory.ids(.track, count: 300)
        let specs = jobs(ids, budget: BudgetPolicy(perHour: 1000, minInterval: 1, reserve: 0))
        try await FixtureServer.withRunning(options: options, clock: clock) { server in
            let first = try await run(specs, server: server)
            guard case .parked = first.outcome else {
                Issue.record("expected the first run to be parked by QUOTA_EXCEEDED, got \(first.outcome)")
                return
            }
            let learned = try #require(try await store.ledger.serviceState(Scheduler.spotify).learnedQuota)
            #expect(learned.requestsInDay >= 100)

            var fetched = first.fetched
            for _ in 0..<28 where fetched < ids.count {
                clock.advance(by: 6 * 3600)
                fetched += try await run(specs, server: server).fetched
            }

            let refusals = await server.requestLog().filter { $0.isAPIRequest && $0.status == 429 }
            #expect(refusals.count == 1, "only the first run met the quota")
            #expect(fetched == ids.count, "everything that fits was fetched within the week")
            let cached = try await store.catalog.cacheStates(for: ids).count
            #expect(cached == ids.count)
        }
    }

    @Test func theLearnedCeilingPersistsAndBindsTheNextPlan() async throws {
        let start = clock.now()
        for second in 0..<200 {
            try await store.ledger.record(
                LedgerEntry(
                    service: Scheduler.spotify, endpoint: "GET /tracks/{id}",
                    requestedAt: start.addingTimeInterval(Double(second) * 60), status: 200, runID: nil))
        }
        clock.advance(by: 200 * 60)
        let learned = try await store.ledger.recordQuotaExceeded(Scheduler.spotify, at: clock.now(), retryAfter: 48_925)
        #expect(learned.requestsInDay == 200)
        #expect(learned.requestsInHour == 59, "minutes 141 to 199")

        let reopened = try AppDatabase.open(DatabaseLocation(path: store.path), access: .readOnly)
        let state = try await reopened.ledger.serviceState(Scheduler.spotify)
        #expect(state.learnedQuota == learned)

        var factory = CatalogFactory()
        let targets = factory.ids(.track, count: 50).map {
            PlanTarget(id: $0, market: "US", freshness: FreshnessPolicy())
        }
        let recent = try await store.ledger.requestTimes(service: Scheduler.spotify, since: .distantPast)
        var service = state
        service.modes[.track] = .perItem
        let plan = Planner(budget: BudgetPolicy(perHour: 1000, minInterval: 0, reserve: 0)).plan(
            targets: targets, invalidCount: 0, cache: [:], recentRequests: recent, service: service,
            now: clock.now().addingTimeInterval(49_000))
        #expect(plan.dailyLimit == 180, "90 % of the 200 Spotify allowed")
        #expect(plan.requests.count == 0, "the trailing day still holds 200")
        #expect(plan.limitedBy == .dailyQuota)
    }
}
