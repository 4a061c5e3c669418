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

    @Test func onlyNewFilesAndChangedFingerprintsNeedMatching() throws {
        let tracks = (1...4).map { LibraryTrackRecord.numbered($0) }
        let first = try store.library.upsertLibraryTracks(tracks, seenAt: now)
        #expect(first == LibraryUpsertResult(added: 4, changed: 0, needsMatching: tracks.map(\.filepath)))
        try store.library.save(
            tracks.prefix(3).map { TrackMatchRecord.matched($0, to: "4iV5W9uYEdYUVa79Axb7Rh", at: now) })

        var again = tracks
        again[0].localPlayCount = 9
        again[1] = .numbered(2, fingerprint: "v1:retagged")
        let second = try store.library.upsertLibraryTracks(again + [.numbered(5)], seenAt: now.addingTimeInterval(60))

        #expect(second.added == 1)
        #expect(second.changed == 1)
        #expect(
            second.needsMatching == [again[1].filepath, tracks[3].filepath, LibraryTrackRecord.numbered(5).filepath])
        let updated = try #require(try store.facts.enrichedTrack(filepath: tracks[0].filepath))
        #expect(updated.library == again[0])
        #expect(updated.seenAt == now.addingTimeInterval(60))
        #expect(updated.matchIsCurrent)
        #expect(try store.facts.enrichedTrack(filepath: again[1].filepath)?.matchIsCurrent == false)
    }

    @Test func aMatchForAFileOutsideTheLibraryWritesNothingOfItsBatch() throws {
        let known = LibraryTrackRecord.numbered(1)
        try store.library.upsertLibraryTracks([known], seenAt: now)
        let request = LedgerEntry(service: "spotify", endpoint: "search", requestedAt: now, status: 200)

        #expect(throws: (any Error).self) {
            try store.library.save(
                [
                    .matched(known, to: "4iV5W9uYEdYUVa79Axb7Rh", at: now),
                    .matched(.numbered(2), to: "4iV5W9uYEdYUVa79Axb7Rh", at: now),
                ], request: .append(request))
        }

        #expect(try store.facts.enrichedTrack(filepath: known.filepath)?.match == nil)
        #expect(try store.ledger.requestTimes(service: "spotify", since: .distantPast).isEmpty)
    }

    @Test func filesGoneFromTheLibraryAreRemovedWithTheirMatches() async throws {
        let kept = LibraryTrackRecord.numbered(1)
        let gone = LibraryTrackRecord.numbered(2)
        try store.library.upsertLibraryTracks([kept, gone], seenAt: now)
        try store.library.save([.matched(gone, to: "4iV5W9uYEdYUVa79Axb7Rh", at: now)])
        try store.library.upsertLibraryTracks([kept], seenAt: now.addingTimeInterval(3600))

        #expect(try store.library.removeLibraryTracks(notSeenSince: now.addingTimeInterval(3600)) == 1)
        #expect(try store.facts.enrichedTrack(filepath: gone.filepath) == nil)
        #expect(try await SQLiteShell.query(store.path, "SELECT COUNT(*) FROM track_match") == "0")
        #expect(try store.facts.enrichedTrack(filepath: kept.filepath) != nil)
    }

    @Test func aMatchIsReadBackWithEveryField() throws {
        let file = LibraryTrackRecord.numbered(1)
        try store.library.upsertLibraryTracks([file], seenAt: now)
        let decision = TrackMatch(
            method: .search, outcome: .ambiguous, spotifyID: "4iV5W9uYEdYUVa79Axb7Rh", confidence: 0.91,
            runnerUpID: "0OdUWJ0sBjDrqHygGUXeCF")
        let record = TrackMatchRecord(
            filepath: file.filepath, fingerprint: file.fingerprint, match: decision, matchedAt: now)
        try store.library.save([record])

        let read = try #require(try store.facts.enrichedTrack(filepath: file.filepath))
        #expect(read.match == record)
        #expect(!read.matchIsCurrent)
        #expect(read.spotify == nil)
    }
}
