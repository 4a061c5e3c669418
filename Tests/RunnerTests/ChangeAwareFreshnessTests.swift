import CacheStore
import Foundation
import Logging
import Runner
import SpotifyAPI
import SwingCache
import SwingCacheTestKit
import Synchronization
import Testing

/// `ttl_max`: an entry whose refreshes bring back the same content is refreshed less and less often, up to
/// `ttl_max`; a change puts it back to `ttl`.
@Suite struct ChangeAwareFreshnessTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let clock = ManualClock()
    let id = SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    /// Runs the job whenever its track has expired, answering with `name` as the track's name; returns the ttl the
    /// store gave it.
    func refresh(name: String, ttlMax: TimeInterval?, mode: ServiceMode = .perItem) async throws -> TimeInterval {
        let transport = ScriptedTransport(
            ScriptedSpotify.responder { request in
                guard request.url.path.contains("/tracks/") else { return nil }
                return ScriptedSpotify.json(
                    200, #"{"id":"4iV5W9uYEdYUVa79Axb7Rh","name":"\#(name)","artists":[],"duration_ms":1000}"#)
            })
        let client = SpotifyClient(
            endpoints: SpotifyEndpoints(apiURL: ScriptedSpotify.apiURL, tokenURL: ScriptedSpotify.tokenURL),
            credentials: SpotifyCredentials(clientID: "id", clientSecret: "secret"), transport: transport,
            now: { clock.now() })
        try await store.ledger.setMode(mode, service: Scheduler.spotify, kind: .track, learnedAt: clock.now())
        let spec = JobSpec(
            name: "week", path: "week.yaml", freshness: FreshnessPolicy(ttl: 3600, ttlMax: ttlMax),
            targets: [JobTarget(id: id, origin: SourceLocation(file: "week.yaml", line: 1, column: 1))],
            budget: BudgetPolicy(minInterval: 0, reserve: 0))
        let jobRun = JobRun(store: store, client: client, clock: clock, logger: Logger(label: "test"))
        let summary = try await jobRun.run(JobSet(specs: [spec], defaultMarket: "US")).summary
        #expect(summary.fetched == 1)
        let stored = try #require(try await store.catalog.entity(id))
        clock.advance(by: stored.expiresAt.timeIntervalSince(clock.now()) + 1)
        return stored.expiresAt.timeIntervalSince(stored.fetchedAt)
    }

    @Test func unchangedRefreshesDoubleTheTTLUpToTTLMaxAndAChangeResetsIt() async throws {
        var ttls: [TimeInterval] = []
        for _ in 0..<6 { ttls.append(try await refresh(name: "Same", ttlMax: 8 * 3600)) }
        ttls.append(try await refresh(name: "Renamed", ttlMax: 8 * 3600))
        ttls.append(try await refresh(name: "Renamed", ttlMax: 8 * 3600))
        #expect(ttls.map { $0 / 3600 } == [1, 2, 4, 8, 8, 8, 1, 2])
        #expect(try await store.catalog.unchangedRefreshes(of: id) == 1)
    }

    @Test func anAppWithBatchEndpointsAndNoTTLMaxKeepsTheTTLOnEveryRefresh() async throws {
        var ttls: [TimeInterval] = []
        for _ in 0..<3 { ttls.append(try await refresh(name: "Same", ttlMax: nil, mode: .batch)) }
        #expect(ttls == [3600, 3600, 3600])
        #expect(
            try await store.catalog.unchangedRefreshes(of: id) == 2,
            "the history is kept, so turning ttl_max on uses it")
    }

    @Test func inDevelopmentModeWithoutTTLMaxAnUnchangedTrackIsRefreshedLessOftenUpToAWeek() async throws {
        var ttls: [TimeInterval] = []
        for _ in 0..<10 { ttls.append(try await refresh(name: "Same", ttlMax: nil)) }
        #expect(ttls.map { $0 / 3600 } == [1, 2, 4, 8, 16, 32, 64, 128, 168, 168])
        ttls.append(try await refresh(name: "Renamed", ttlMax: nil))
        #expect(ttls.last == 3600, "a change puts it back to its ttl")
    }
}
