import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct AppDatabaseTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    @Test func entitiesRoundTripWithEveryColumnAndTheirRawAnswer() async throws {
        let trackID = SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")
        let track = Track(
            id: trackID.value, name: "Shape of You", albumID: "0sNOF9WDwhWunNAHPD3Baj", albumName: "÷",
            artistIDs: ["6eUKZXaKkcviH0Ku9w2n3V"], artistNames: ["Ed Sheeran"], isrc: "GBAHS1600463",
            durationMs: 233_712, explicit: false, popularity: nil, trackNumber: 4, discNumber: 1,
            releaseDate: "2017-03-03", imageURL: "https://i.scdn.co/image/x",
            raw: Data(#"{"id":"4iV5W9uYEdYUVa79Axb7Rh"}"#.utf8))
        let album = Album(id: "0sNOF9WDwhWunNAHPD3Baj", name: "÷", label: nil, popularity: nil, genres: ["pop"])
        let artist = Artist(id: "6eUKZXaKkcviH0Ku9w2n3V", name: "Ed Sheeran", popularity: nil, followers: nil)
        let request = LedgerEntry(service: "spotify", endpoint: "tracks", requestedAt: now, status: 200)
        try await store.catalog.save(
            FetchRecord(
                entities: [.track(track), .album(album), .artist(artist)], request: .append(request), fetchedAt: now,
                expiresAt: { _ in now.addingTimeInterval(3600) }, missingExpiresAt: { _ in now }))

        let stored = try #require(try await store.catalog.entity(trackID))
        #expect(stored.entity == .track(track))
        #expect(stored.fetchedAt == now)
        #expect(stored.expiresAt == now.addingTimeInterval(3600))
        #expect(try await store.catalog.entity(SpotifyID(kind: .album, value: album.id))?.entity == .album(album))
        #expect(try await store.catalog.entity(SpotifyID(kind: .artist, value: artist.id))?.entity == .artist(artist))
        #expect(try await store.ledger.requestTimes(service: "spotify", since: now.addingTimeInterval(-1)) == [now])
    }

    @Test func fieldsDevelopmentModeOmitsAreStoredAsNullNotZero() async throws {
        let id = SpotifyID(kind: .artist, value: "0OdUWJ0sBjDrqHygGUXeCF")
        try await store.catalog.save(.fetched([id], at: now, ttl: 60))
        let nulls = try await store.columnIsNull(table: "artist", columns: ["popularity", "followers"], id: id.value)
        #expect(nulls == [true, true])
    }

    @Test func freshnessOfManyIDsIsReadInBulk() async throws {
        var factory = CatalogFactory()
        let cached = factory.ids(.track, count: 3000)
        let missing = factory.ids(.album, count: 10)
        let absent = factory.ids(.artist, count: 5)
        try await store.catalog.save([.fetched(cached, at: now, ttl: 3600), .missing(missing, at: now, ttl: 600)])

        let states = try await store.catalog.cacheStates(for: cached + missing + absent)
        #expect(states.count == 3010)
        #expect(states[cached[0]] == .cached(fetchedAt: now, expiresAt: now.addingTimeInterval(3600)))
        #expect(states[missing[0]] == .knownMissing(reason: .notFound, expiresAt: now.addingTimeInterval(600)))
        #expect(states[absent[0]] == nil)
    }

    @Test func anEntityThatVanishesBecomesKnownMissingAndBack() async throws {
        let id = SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")
        try await store.catalog.save(.fetched([id], at: now, ttl: 3600))
        try await store.catalog.save(.missing([id], at: now.addingTimeInterval(10), ttl: 600))
        #expect(try await store.catalog.entity(id) == nil)
        #expect(
            try await store.catalog.cacheStates(for: [id])[id]
                == .knownMissing(reason: .notFound, expiresAt: now.addingTimeInterval(610)))
        try await store.catalog.save(.fetched([id], at: now.addingTimeInterval(20), ttl: 3600))
        #expect(
            try await store.catalog.cacheStates(for: [id])[id]
                == .cached(fetchedAt: now.addingTimeInterval(20), expiresAt: now.addingTimeInterval(3620)))
    }

    @Test func serviceStateIsRemembered() async throws {
        try await store.ledger.setMode(.perItem, service: "spotify", kind: .track, learnedAt: now)
        try await store.ledger.park("spotify", until: now.addingTimeInterval(3600), reason: "QUOTA_EXCEEDED")
        let state = try await store.ledger.serviceState("spotify")
        #expect(state.mode(for: .track) == .perItem)
        #expect(state.mode(for: .album) == .unknown)
        #expect(state.parkedUntil == now.addingTimeInterval(3600))
        #expect(state.parkedReason == "QUOTA_EXCEEDED")
        #expect(try await store.ledger.modeLearnedAt("spotify", kind: .track) == now)
    }

    @Test func runsAreListedNewestFirst() async throws {
        let first = try await store.runs.beginRun(jobs: ["nightly"], startedAt: now, pid: 10, host: "h")
        try await store.runs.finishRun(
            first, finishedAt: now.addingTimeInterval(5), outcome: "done", fetched: 3, requests: 1, deferred: 0,
            summary: nil)
        let second = try await store.runs.beginRun(
            jobs: ["nightly", "extra"], startedAt: now.addingTimeInterval(60), pid: 11, host: "h")
        let runs = try await store.runs.recentRuns(limit: 5)
        #expect(runs.map(\.id) == [second, first])
        #expect(runs[1].outcome == "done")
        #expect(runs[0].outcome == nil)
        #expect(runs[0].jobs == "nightly,extra")
    }

    @Test func statisticsCountEntriesByKindAndStateAndRequestsByWindow() async throws {
        var factory = CatalogFactory()
        try await store.catalog.save([
            .fetched(factory.ids(.track, count: 4), at: now, ttl: 3600),
            .fetched(factory.ids(.track, count: 2), at: now.addingTimeInterval(-7200), ttl: 3600),
            .missing(factory.ids(.album, count: 1), at: now, ttl: 600),
            .missing(factory.ids(.album, count: 2), reason: .invalid, at: now, ttl: 600),
        ])
        for (offset, status) in [(-60.0, 200), (-1800, 429), (-7200, 200), (-90_000, 200)] {
            try await store.ledger.record(
                LedgerEntry(
                    service: "spotify", endpoint: "tracks", requestedAt: now.addingTimeInterval(offset), status: status)
            )
        }
        let stats = try await store.statistics(now: now)
        #expect(stats.entries["track"]?.fresh == 4)
        #expect(stats.entries["track"]?.stale == 2)
        #expect(stats.entries["album"]?.knownMissing == 1)
        #expect(stats.entries["album"]?.invalid == 2)
        #expect(stats.requests["spotify"]?.lastHour == 2)
        #expect(stats.requests["spotify"]?.last24Hours == 3)
        #expect(stats.requests["spotify"]?.byStatus == ["200": 2, "429": 1])
    }
}

extension AppDatabase {
    /// Whether each column of a row is NULL, read with the sqlite3 command line so the test sees the file itself.
    func columnIsNull(table: String, columns: [String], id: String) async throws -> [Bool] {
        let select = columns.map { "\($0) IS NULL" }.joined(separator: ", ")
        let output = try await SQLiteShell.query(path, "SELECT \(select) FROM \(table) WHERE id = '\(id)'")
        return output.split(separator: "|").map { $0 == "1" }
    }
}
