import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// `swingcache_play_counts` computes in SQL what ``HybridPlayCount`` computes in Swift, on the same figures.
@Suite struct PlayCountViewTests {
    static let cases: [HybridPlayCount] = [
        HybridPlayCount(localPlayCount: 7),
        HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10),
        HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 12),
        HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 30),
        HybridPlayCount(
            localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 30, lastfmScrobblesLocalPlays: false),
        HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000),
        HybridPlayCount(localPlayCount: 12, listenbrainzPlayCount: 300),
        HybridPlayCount(localPlayCount: 12, lastfmUserPlayCount: 4),
        HybridPlayCount(localPlayCount: 0, listenbrainzPlayCount: 300),
        HybridPlayCount(
            localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10, listenbrainzPlayCount: 301,
            spotifyPopularity: 71),
        HybridPlayCount(localPlayCount: 3, lastfmPlayCount: 8, lastfmUserPlayCount: 9),
        HybridPlayCount(localPlayCount: 1, spotifyPopularity: 99),
    ]

    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    @Test(arguments: cases)
    func theViewAddsTheFiguresAsTheRuleDoes(_ count: HybridPlayCount) async throws {
        let file = try await store(count)

        let columns = [
            "localPlayCount", "spotifyPlayCount IS NULL", "coalesce(spotifyPopularity, '-')",
            "coalesce(lastfmPlayCount, '-')", "coalesce(listenbrainzPlayCount, '-')", "localPlaysUnseenByLastfm",
            "totalCombined",
        ]
        let row = try await SQLiteShell.query(
            store.path,
            "SELECT \(columns.joined(separator: ", ")) FROM swingcache_play_counts WHERE filepath = '\(file.filepath)'")
        let figures: [Int?] = [
            count.localPlayCount, 1, count.spotifyPopularity, count.lastfmPlayCount, count.listenbrainzPlayCount,
            count.localPlaysUnseenByLastfm, count.total,
        ]
        let expected = figures.map { figure in figure.map { String($0) } ?? "-" }
        #expect(row == expected.joined(separator: "|"))
        #expect(try await store.facts.enrichedTrack(filepath: file.filepath)?.playCount == count)
    }

    @Test func eachFigureNamesItsSourceAndWhenItWasFetched() async throws {
        let file = try await store(
            HybridPlayCount(
                localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10, listenbrainzPlayCount: 300,
                spotifyPopularity: 71))
        let row = try await SQLiteShell.query(
            store.path,
            """
            SELECT localSource, localReadAt, spotifySource, spotifyFetchedAt, lastfmSource, lastfmFetchedAt,
                listenbrainzSource, listenbrainzFetchedAt
            FROM swingcache_play_counts WHERE filepath = '\(file.filepath)'
            """)
        #expect(
            row
                == "swingmusic|2026-11-25 03:00:00|spotify|2026-11-25 02:00:00|lastfm|2026-11-25 02:30:00|listenbrainz|2026-11-25 02:45:00"
        )
    }

    /// Stores a library file whose figures are `count`'s: Last.fm by its key, ListenBrainz split over two
    /// recordings of the file's ISRC, popularity on the matched Spotify track.
    private func store(_ count: HybridPlayCount) async throws -> LibraryTrackRecord {
        let isrc = "GBAHS1600463"
        let spotifyID = "4iV5W9uYEdYUVa79Axb7Rh"
        let file = LibraryTrackRecord.numbered(1, isrc: isrc, plays: count.localPlayCount)
        try await store.library.upsertLibraryTracks([file], seenAt: now)
        try await store.library.setLastfmScrobblesLocalPlays(count.lastfmScrobblesLocalPlays)
        if let popularity = count.spotifyPopularity {
            try await store.catalog.save(
                FetchRecord(
                    entities: [.track(Track(id: spotifyID, name: "Song", isrc: isrc, popularity: popularity))],
                    request: nil, fetchedAt: now.addingTimeInterval(-3600), expiresAt: { _ in now },
                    missingExpiresAt: { _ in now }))
            try await store.library.save([.matched(file, to: spotifyID, at: now)])
        }
        var record = EnrichmentRecord(request: nil)
        let expiry = now.addingTimeInterval(3600)
        if count.lastfmPlayCount != nil || count.lastfmUserPlayCount != nil {
            record.facts.lastfmTracks = [
                LastfmTrackFact(
                    key: file.lastfmKey, playCount: count.lastfmPlayCount, listeners: 1,
                    userPlayCount: count.lastfmUserPlayCount, username: "ana", fetchedAt: now.addingTimeInterval(-1800),
                    expiresAt: expiry)
            ]
        }
        if let listens = count.listenbrainzPlayCount {
            let fetched = now.addingTimeInterval(-900)
            record.facts.musicbrainzRecordings = [
                MusicBrainzRecordingFact(isrc: isrc, mbids: ["m1", "m2", "m3"], fetchedAt: fetched, expiresAt: expiry)
            ]
            record.facts.listenbrainzPopularity = [
                ListenBrainzPopularityFact(
                    mbid: "m1", listenCount: listens / 2, userCount: 1, fetchedAt: fetched, expiresAt: expiry),
                ListenBrainzPopularityFact(
                    mbid: "m2", listenCount: listens - listens / 2, userCount: 1, fetchedAt: fetched, expiresAt: expiry),
                ListenBrainzPopularityFact(
                    mbid: "m3", listenCount: nil, userCount: nil, fetchedAt: now, expiresAt: expiry),
            ]
        }
        try await store.facts.save(record)
        return file
    }
}
