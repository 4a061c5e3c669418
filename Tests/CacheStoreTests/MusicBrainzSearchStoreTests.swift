import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// What a MusicBrainz search stores for a file without an ISRC, and who reads the ISRC it learned.
@Suite struct MusicBrainzSearchStoreTests {
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() async throws {
        folder = try TemporaryDirectory()
        store = try AppDatabase.open(DatabaseLocation(path: folder.file("cache.sqlite")), access: .readWrite)
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(filepath: "/music/a.flac", fingerprint: "v1:a", title: "A", artists: ["X"]),
                LibraryTrackRecord(
                    filepath: "/music/b.flac", fingerprint: "v1:b", title: "B", artists: ["X"], isrc: "GBAAA9900001"),
            ],
            seenAt: .testEpoch)
    }

    func save(fingerprint: String = "v1:a", isrc: String? = "USAAA2600001") async throws {
        let fact = MusicBrainzSearchFact(
            filepath: "/music/a.flac", fingerprint: fingerprint, mbid: "m", isrc: isrc, genres: ["synthpop"],
            fetchedAt: .testEpoch, expiresAt: .testEpoch.addingTimeInterval(86_400))
        try await store.facts.save(EnrichmentRecord(musicbrainzSearches: [fact], request: nil))
    }

    @Test func onlyFilesWithoutAnISRCAreSearchedTheMostPlayedFirst() async throws {
        #expect(try await store.facts.libraryFilesWithoutISRC().map(\.filepath) == ["/music/a.flac"])
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/c.flac", fingerprint: "v1:c", title: "C", artists: ["X"], localPlayCount: 3)
            ],
            seenAt: .testEpoch)
        #expect(try await store.facts.libraryFilesWithoutISRC().map(\.filepath) == ["/music/c.flac", "/music/a.flac"])
    }

    @Test func theLearnedISRCJoinsTheLibrarysISRCsForTheFilesCurrentTagsOnly() async throws {
        try await save()
        #expect(try await store.facts.libraryISRCs() == ["GBAAA9900001", "USAAA2600001"])
        #expect(
            try await store.facts.musicBrainzLearnedISRCs(["/music/a.flac", "/music/b.flac"]) == [
                "/music/a.flac": "USAAA2600001"
            ])
        #expect(
            try await store.library.matchingBacklog() == MatchingBacklog(files: 2, withISRC: 2),
            "each may cost a second search")

        try await save(fingerprint: "v1:old-tags")
        #expect(try await store.facts.libraryISRCs() == ["GBAAA9900001"])
        #expect(try await store.library.matchingBacklog() == MatchingBacklog(files: 2, withISRC: 1))
        #expect(try await store.facts.musicBrainzLearnedISRCs(["/music/a.flac"]).isEmpty)
    }

    @Test func theViewsReadAFilesGenresAndListensThroughItsLearnedISRC() async throws {
        try await save()
        let at = Date.testEpoch
        try await store.facts.save(
            EnrichmentRecord(
                musicbrainzRecordings: [
                    MusicBrainzRecordingFact(
                        isrc: "USAAA2600001", mbids: ["m"], genres: ["synthpop"], fetchedAt: at, expiresAt: at)
                ],
                listenbrainzPopularity: [
                    ListenBrainzPopularityFact(mbid: "m", listenCount: 42, userCount: 7, fetchedAt: at, expiresAt: at)
                ], request: nil))
        let row = try await SQLiteShell.query(
            store.path,
            """
            SELECT l.genres, l.mbid, p.listenbrainzPlayCount FROM swingcache_library AS l
            JOIN swingcache_play_counts AS p USING (filepath) WHERE filepath = '/music/a.flac'
            """)
        #expect(row == #"["synthpop"]|m|42"#)
    }

    @Test func aSearchFactIsFreshForTheTagsItWasMadeFor() async throws {
        try await save()
        let current = EnrichmentKey.musicbrainzSearch(filepath: "/music/a.flac", fingerprint: "v1:a")
        let changed = EnrichmentKey.musicbrainzSearch(filepath: "/music/a.flac", fingerprint: "v1:new")
        let states = try await store.facts.enrichmentStates(for: [current, changed])
        #expect(states[current]?.holds(at: .testEpoch) == true)
        #expect(states[changed] == nil)
    }
}
