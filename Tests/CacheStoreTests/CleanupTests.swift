import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct CleanupTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    @Test func cleanupEvictsExactlyWhatHasExpiredAndNothingElse() async throws {
        var factory = CatalogFactory()
        let expiredTracks = factory.ids(.track, count: 2500)
        let freshTracks = factory.ids(.track, count: 40)
        let expiredAlbums = factory.ids(.album, count: 3)
        let expiredMissing = factory.ids(.artist, count: 2)
        let rememberedMissing = factory.ids(.artist, count: 1)
        try await store.catalog.save([
            .fetched(expiredTracks, at: now.addingTimeInterval(-7200), ttl: 3600),
            .fetched(freshTracks, at: now.addingTimeInterval(-7200), ttl: 7201),
            .fetched(expiredAlbums, at: now.addingTimeInterval(-100), ttl: 50),
            .missing(expiredMissing, at: now.addingTimeInterval(-700), ttl: 600),
            .missing(rememberedMissing, at: now, ttl: 600),
        ])
        for age: TimeInterval in [10, 6 * 86_400, 8 * 86_400] {
            try await store.ledger.record(
                LedgerEntry(
                    service: "spotify", endpoint: "tracks", requestedAt: now.addingTimeInterval(-age), status: 200))
        }

        let report = try await store.cleanup(now: now, policy: CleanupPolicy(batchSize: 1000), dryRun: false)

        #expect(report.tracks == 2500)
        #expect(report.albums == 3)
        #expect(report.artists == 0)
        #expect(report.missingIDs == 2)
        #expect(report.ledgerRows == 1)
        #expect(report.bytesReclaimed > 0)
        let remaining = try await store.catalog.cacheStates(
            for: expiredTracks + freshTracks + expiredAlbums + expiredMissing + rememberedMissing)
        #expect(Set(remaining.keys) == Set(freshTracks + rememberedMissing))
        #expect(try await store.ledger.requestTimes(service: "spotify", since: .distantPast).count == 2)
        #expect(try await SQLiteShell.query(store.path, "PRAGMA integrity_check") == "ok")
    }

    @Test func graceKeepsRecentlyExpiredEntries() async throws {
        var factory = CatalogFactory()
        let justExpired = factory.ids(.track, count: 2)
        let longExpired = factory.ids(.track, count: 3)
        try await store.catalog.save([
            .fetched(justExpired, at: now.addingTimeInterval(-4000), ttl: 3600),
            .fetched(longExpired, at: now.addingTimeInterval(-90_000), ttl: 3600),
        ])
        let report = try await store.cleanup(now: now, policy: CleanupPolicy(grace: 3600), dryRun: false)
        #expect(report.tracks == 3)
        #expect(Set(try await store.catalog.cacheStates(for: justExpired + longExpired).keys) == Set(justExpired))
    }

    @Test func aDryRunCountsButChangesNothing() async throws {
        var factory = CatalogFactory()
        let expired = factory.ids(.album, count: 5)
        try await store.catalog.save(.fetched(expired, at: now.addingTimeInterval(-7200), ttl: 60))
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let report = try await store.cleanup(now: now, dryRun: true)
        #expect(report.albums == 5)
        #expect(report.dryRun)
        #expect(try await store.catalog.cacheStates(for: expired).count == 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }
}
