import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct EnrichmentStoreTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    var hour: Date { now.addingTimeInterval(3600) }

    @Test func factsAndTheirLedgerEntryAreWrittenTogether() async throws {
        let key = LastfmTrackKey(artist: "Queen", title: "Bohemian Rhapsody")
        let fact = LastfmTrackFact(
            key: key, playCount: 5000, listeners: 900, userPlayCount: 10, username: "ana", tags: ["rock", "70s"],
            mbid: "b1a9c0e9-d987-4042-ae91-78d6a3267d69", url: "https://www.last.fm/music/Queen/_/Bohemian+Rhapsody",
            fetchedAt: now, expiresAt: hour)
        try await store.facts.save(
            EnrichmentRecord(
                lastfmTracks: [fact],
                request: .append(
                    LedgerEntry(service: "lastfm", endpoint: "track.getInfo", requestedAt: now, status: 200))
            ))

        #expect(
            try await store.facts.enrichmentStates(for: [.lastfmTrack(key)]) == [
                .lastfmTrack(key): .cached(fetchedAt: now, expiresAt: hour)
            ])
        #expect(try await store.ledger.requestTimes(service: "lastfm", since: .distantPast) == [now])
        let file = LibraryTrackRecord(
            filepath: "/music/Queen/Bohemian Rhapsody.flac", fingerprint: "v1:a", title: "Bohemian Rhapsody",
            artists: ["Queen"])
        try await store.library.upsertLibraryTracks([file], seenAt: now)
        #expect(try await store.facts.enrichedTrack(filepath: file.filepath)?.lastfm == fact)
    }

    @Test func aWriteThatFailsHalfwayLeavesNoRowOfIt() async throws {
        _ = try await SQLiteShell.query(
            store.path,
            """
            CREATE TRIGGER refuse_poison BEFORE INSERT ON listenbrainz_popularity WHEN NEW.mbid = 'poison'
            BEGIN SELECT RAISE(ABORT, 'poisoned'); END;
            """)
        let key = LastfmTrackKey(artist: "A", title: "B")
        let record = EnrichmentRecord(
            lastfmTracks: [LastfmTrackFact(key: key, playCount: 1, listeners: 1, fetchedAt: now, expiresAt: hour)],
            listenbrainzPopularity: [
                ListenBrainzPopularityFact(mbid: "good", listenCount: 3, userCount: 1, fetchedAt: now, expiresAt: hour),
                ListenBrainzPopularityFact(
                    mbid: "poison", listenCount: 3, userCount: 1, fetchedAt: now, expiresAt: hour),
            ],
            request: .append(
                LedgerEntry(service: "listenbrainz", endpoint: "popularity", requestedAt: now, status: 200)))

        await #expect(throws: (any Error).self) { try await store.facts.save(record) }

        #expect(
            try await store.facts.enrichmentStates(for: [.lastfmTrack(key), .listenbrainzPopularity(mbid: "good")])
                .isEmpty)
        #expect(try await store.ledger.requestTimes(service: "listenbrainz", since: .distantPast).isEmpty)
    }

    @Test func freshnessOfManyProviderKeysIsReadInBulk() async throws {
        let mbids = (0..<3000).map { "mbid-\($0)" }
        let popularity = mbids.enumerated().map { index, mbid in
            ListenBrainzPopularityFact(
                mbid: mbid, listenCount: index == 0 ? nil : index, userCount: index == 0 ? nil : 1, fetchedAt: now,
                expiresAt: hour)
        }
        let isrc = "GBAHS1600463"
        try await store.facts.save(
            EnrichmentRecord(
                musicbrainzRecordings: [
                    .missing(isrc: "USRC17607839", fetchedAt: now, expiresAt: now.addingTimeInterval(600)),
                    MusicBrainzRecordingFact(isrc: isrc, mbids: ["mbid-1"], fetchedAt: now, expiresAt: hour),
                ],
                listenbrainzPopularity: popularity,
                links: [
                    TrackLinkFact(
                        isrc: isrc, platform: "deezer", url: nil, source: "deezer", fetchedAt: now,
                        expiresAt: now.addingTimeInterval(600))
                ], request: nil))
        let keys: [EnrichmentKey] =
            mbids.map { .listenbrainzPopularity(mbid: $0) } + [
                .musicbrainzRecording(isrc: isrc), .musicbrainzRecording(isrc: "USRC17607839"),
                .trackLink(isrc: isrc, platform: "deezer"), .trackLink(isrc: isrc, platform: "tidal"),
                .lastfmTrack(LastfmTrackKey(artist: "Nobody", title: "Nothing")),
            ]

        let states = try await store.facts.enrichmentStates(for: keys)

        #expect(states.count == 3003)
        #expect(states[.listenbrainzPopularity(mbid: "mbid-7")] == .cached(fetchedAt: now, expiresAt: hour))
        #expect(states[.listenbrainzPopularity(mbid: "mbid-0")] == .knownMissing(reason: .notFound, expiresAt: hour))
        #expect(states[.musicbrainzRecording(isrc: isrc)] == .cached(fetchedAt: now, expiresAt: hour))
        #expect(
            states[.musicbrainzRecording(isrc: "USRC17607839")]
                == .knownMissing(reason: .notFound, expiresAt: now.addingTimeInterval(600)))
        #expect(
            states[.trackLink(isrc: isrc, platform: "deezer")]
                == .knownMissing(reason: .notFound, expiresAt: now.addingTimeInterval(600)))
        #expect(states[.trackLink(isrc: isrc, platform: "tidal")] == nil)
    }

    @Test func theMergedRecordOfATrackHasEveryFactWithItsTimes() async throws {
        let isrc = "GBAHS1600463"
        let spotifyID = "4iV5W9uYEdYUVa79Axb7Rh"
        let file = LibraryTrackRecord(
            filepath: "/music/Ed Sheeran/Shape of You.flac", fingerprint: "v1:b", title: "Shape of You",
            artists: ["Ed Sheeran"], album: "÷", durationSeconds: 234, localPlayCount: 12,
            lastPlayedAt: now.addingTimeInterval(-60))
        try await store.library.upsertLibraryTracks([file], seenAt: now)
        try await store.catalog.save(
            FetchRecord(
                entities: [.track(Track(id: spotifyID, name: "Shape of You", isrc: isrc, popularity: 88))],
                request: nil, fetchedAt: now, expiresAt: { _ in hour }, missingExpiresAt: { _ in now }))
        try await store.library.save([.matched(file, to: spotifyID, at: now)])
        let later = now.addingTimeInterval(10)
        let recording = MusicBrainzRecordingFact(
            isrc: isrc, mbids: ["m1", "m2"], genres: ["pop"], tags: ["british"],
            links: [PlatformLink(platform: "tidal", url: "https://tidal.com/track/1")], fetchedAt: later,
            expiresAt: hour)
        let deezer = TrackLinkFact(
            isrc: isrc, platform: "deezer", url: "https://www.deezer.com/track/2", source: "deezer", fetchedAt: later,
            expiresAt: hour)
        let listens = [
            ListenBrainzPopularityFact(mbid: "m1", listenCount: 200, userCount: 20, fetchedAt: later, expiresAt: hour),
            ListenBrainzPopularityFact(mbid: "m2", listenCount: 100, userCount: 9, fetchedAt: later, expiresAt: hour),
        ]
        let lastfm = LastfmTrackFact(
            key: file.lastfmKey, playCount: 5000, listeners: 900, userPlayCount: 10, username: "ana", fetchedAt: later,
            expiresAt: hour)
        try await store.facts.save(
            EnrichmentRecord(
                lastfmTracks: [lastfm], musicbrainzRecordings: [recording], listenbrainzPopularity: listens,
                links: [deezer], request: nil))

        let track = try #require(try await store.facts.enrichedTrack(filepath: file.filepath))

        #expect(track.library == file)
        #expect(track.isrc == isrc)
        #expect(track.spotify?.fetchedAt == now)
        #expect(track.lastfm == lastfm)
        #expect(track.musicbrainz == recording)
        #expect(track.listenbrainz == listens)
        #expect(track.links.map(\.platform) == ["deezer", "tidal"])
        #expect(track.links.first == deezer)
        #expect(track.playCount.total == 5000 + 2 + 300)
        #expect(track.playCount.spotifyPopularity == 88)
        #expect(try await store.facts.enrichedTracks(spotifyID: spotifyID) == [track])
        #expect(try await store.facts.enrichedTracks(spotifyID: "0OdUWJ0sBjDrqHygGUXeCF").isEmpty)
        let library = try await SQLiteShell.query(
            store.path, "SELECT spotify_id, mbid, genres, links, total_play_count FROM swingcache_library")
        #expect(
            library
                == #"4iV5W9uYEdYUVa79Axb7Rh|m1|["pop"]|{"deezer":"https://www.deezer.com/track/2","tidal":"https://tidal.com/track/1"}|5302"#
        )
    }

    @Test func cleanupEvictsExpiredProviderFactsAndCountsThem() async throws {
        let expired = now.addingTimeInterval(-1)
        try await store.facts.save(
            EnrichmentRecord(
                lastfmTracks: [
                    .missing(LastfmTrackKey(artist: "A", title: "B"), fetchedAt: now, expiresAt: expired),
                    LastfmTrackFact(
                        key: LastfmTrackKey(artist: "C", title: "D"), playCount: 1, listeners: 1, fetchedAt: now,
                        expiresAt: hour),
                ],
                musicbrainzRecordings: [
                    MusicBrainzRecordingFact(
                        isrc: "GBAHS1600463", mbids: ["m1"],
                        links: [PlatformLink(platform: "tidal", url: "https://tidal.com/track/1")], fetchedAt: now,
                        expiresAt: expired)
                ],
                listenbrainzPopularity: [
                    ListenBrainzPopularityFact(
                        mbid: "m1", listenCount: 1, userCount: 1, fetchedAt: now, expiresAt: expired)
                ], request: nil))

        let dryRun = try await store.cleanup(now: now, dryRun: true)
        let report = try await store.cleanup(now: now, dryRun: false)

        #expect(dryRun.providerFacts == 4)
        #expect(report.lastfmTracks == 1)
        #expect(report.musicbrainzRecordings == 1)
        #expect(report.listenbrainzPopularity == 1)
        #expect(report.trackLinks == 1)
        #expect(report.total == 4)
        #expect(
            try await store.facts.enrichmentStates(for: [
                .lastfmTrack(LastfmTrackKey(artist: "A", title: "B")),
                .lastfmTrack(LastfmTrackKey(artist: "C", title: "D")),
            ]).count == 1)
    }

    @Test func aProvidersOwnFactIsReadWithTheTrackAndEvictedWhenExpired() async throws {
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/a.flac", fingerprint: "v1:a", title: "A", artists: ["B"], isrc: "GBAHS1600463",
                    lastfmKey: LastfmTrackKey(artist: "B", title: "A"))
            ], seenAt: now)
        let found = ISRCFact(
            table: .deezerTrack, isrc: "GBAHS1600463", figures: ["rank": .int(815_722), "gain": .double(-9.5)],
            fetchedAt: now, expiresAt: hour)
        let unknown = ISRCFact(
            table: .deezerTrack, isrc: "ZZAAA9900303", figures: [:], missing: .notFound, fetchedAt: now,
            expiresAt: now.addingTimeInterval(-1))
        try await store.facts.save(EnrichmentRecord(isrcFacts: [found, unknown], request: nil))

        let track = try #require(try await store.facts.enrichedTrack(filepath: "/music/a.flac"))
        #expect(track.isrcFacts.count == 1)
        let stored = try #require(track.isrcFacts.first)
        #expect(stored.orderedFigures.map(\.name) == ["rank", "bpm", "gain"])
        #expect(stored.orderedFigures.map(\.value) == [.int(815_722), .null, .double(-9.5)])
        #expect(stored.fetchedAt == now)
        #expect(stored.expiresAt == hour)
        #expect(stored.missing == nil)

        let report = try await store.cleanup(now: now, dryRun: false)
        #expect(report.factTables == ["deezer_track": 1, "musicbrainz_artist": 0])
        #expect(report.providerFacts == 1)
        #expect(try await store.facts.enrichedTrack(filepath: "/music/a.flac")?.isrcFacts.count == 1)
    }
}
