import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct LibraryStoreTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    @Test func onlyNewFilesAndChangedFingerprintsNeedMatching() async throws {
        let tracks = (1...4).map { LibraryTrackRecord.numbered($0) }
        let first = try await store.library.upsertLibraryTracks(tracks, seenAt: now)
        #expect(first == LibraryUpsertResult(added: 4, changed: 0, needsMatching: tracks.map(\.filepath)))
        try await store.library.save(
            tracks.prefix(3).map { TrackMatchRecord.matched($0, to: "4iV5W9uYEdYUVa79Axb7Rh", at: now) })

        var again = tracks
        again[0].localPlayCount = 9
        again[1] = .numbered(2, fingerprint: "v1:retagged")
        let second = try await store.library.upsertLibraryTracks(
            again + [.numbered(5)], seenAt: now.addingTimeInterval(60))

        #expect(second.added == 1)
        #expect(second.changed == 1)
        #expect(
            second.needsMatching == [again[1].filepath, tracks[3].filepath, LibraryTrackRecord.numbered(5).filepath])
        let updated = try #require(try await store.facts.enrichedTrack(filepath: tracks[0].filepath))
        #expect(updated.library == again[0])
        #expect(updated.seenAt == now.addingTimeInterval(60))
        #expect(updated.matchIsCurrent)
        #expect(try await store.facts.enrichedTrack(filepath: again[1].filepath)?.matchIsCurrent == false)
    }

    @Test func aMatchForAFileOutsideTheLibraryWritesNothingOfItsBatch() async throws {
        let known = LibraryTrackRecord.numbered(1)
        try await store.library.upsertLibraryTracks([known], seenAt: now)
        let request = LedgerEntry(service: "spotify", endpoint: "search", requestedAt: now, status: 200)

        await #expect(throws: (any Error).self) {
            try await store.library.save(
                [
                    .matched(known, to: "4iV5W9uYEdYUVa79Axb7Rh", at: now),
                    .matched(.numbered(2), to: "4iV5W9uYEdYUVa79Axb7Rh", at: now),
                ], request: .append(request))
        }

        #expect(try await store.facts.enrichedTrack(filepath: known.filepath)?.match == nil)
        #expect(try await store.ledger.requestTimes(service: "spotify", since: .distantPast).isEmpty)
    }

    @Test func filesGoneFromTheLibraryAreRemovedWithTheirMatches() async throws {
        let kept = LibraryTrackRecord.numbered(1)
        let gone = LibraryTrackRecord.numbered(2)
        try await store.library.upsertLibraryTracks([kept, gone], seenAt: now)
        try await store.library.save([.matched(gone, to: "4iV5W9uYEdYUVa79Axb7Rh", at: now)])
        try await store.library.upsertLibraryTracks([kept], seenAt: now.addingTimeInterval(3600))

        #expect(try await store.library.removeLibraryTracks(notSeenSince: now.addingTimeInterval(3600)) == 1)
        #expect(try await store.facts.enrichedTrack(filepath: gone.filepath) == nil)
        #expect(try await SQLiteShell.query(store.path, "SELECT COUNT(*) FROM track_match") == "0")
        #expect(try await store.facts.enrichedTrack(filepath: kept.filepath) != nil)
    }

    @Test func aMatchIsReadBackWithEveryField() async throws {
        let file = LibraryTrackRecord.numbered(1)
        try await store.library.upsertLibraryTracks([file], seenAt: now)
        let decision = TrackMatch(
            method: .search, outcome: .ambiguous, spotifyID: "4iV5W9uYEdYUVa79Axb7Rh", confidence: 0.91,
            runnerUpID: "0OdUWJ0sBjDrqHygGUXeCF")
        let record = TrackMatchRecord(
            filepath: file.filepath, fingerprint: file.fingerprint, match: decision, matchedAt: now)
        try await store.library.save([record])

        let read = try #require(try await store.facts.enrichedTrack(filepath: file.filepath))
        #expect(read.match == record)
        #expect(!read.matchIsCurrent)
        #expect(read.spotify == nil)
    }
}
