import CacheStore
import Foundation
import SwingCacheTestKit
import Testing

/// The listens of a history that matched no library song: kept beside the cursor that passed them, bounded.
@Suite struct UnmatchedListenStoreTests {
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try AppDatabase.open(DatabaseLocation(path: folder.file("cache.sqlite")), access: .readWrite)
    }

    func listen(_ title: String, at time: Int, source: String = "lastfm") -> UnmatchedListenRecord {
        UnmatchedListenRecord(source: source, listenedAt: time, artist: "Air", title: title, album: "Moon Safari")
    }

    func cursor(_ newest: Int) -> HistoryCursor {
        HistoryCursor(user: "admin", source: "lastfm", serviceUser: "admin", newestListenedAt: newest)
    }

    @Test func aReadReplacesTheKeptListensAndMovesTheCursorTogether() async throws {
        try await store.publish.recordHistoryRead(
            user: "admin", cursors: [cursor(300)], unmatched: [listen("B", at: 200), listen("A", at: 100)], limit: 10)
        #expect(try await store.publish.unmatchedListens(user: "admin").map(\.title) == ["A", "B"])
        #expect(
            try await store.publish.historyCursor(user: "admin", source: "lastfm", serviceUser: "admin")?
                .newestListenedAt
                == 300)

        // "A" found its song and was imported: the next read keeps only "B" and a new listen "C".
        try await store.publish.recordHistoryRead(
            user: "admin", cursors: [cursor(400)], unmatched: [listen("B", at: 200), listen("C", at: 350)], limit: 10)
        #expect(try await store.publish.unmatchedListens(user: "admin").map(\.title) == ["B", "C"])
        #expect(try await store.publish.unmatchedListens(user: "bob").isEmpty)
        let kept = try #require(try await store.publish.unmatchedListens(user: "admin").first)
        #expect(kept == listen("B", at: 200))
    }

    @Test func onlyTheNewestListensUpToTheLimitAreKept() async throws {
        let listens = (1...5).map { listen("Song \($0)", at: $0 * 100) }
        try await store.publish.recordHistoryRead(user: "admin", cursors: [], unmatched: listens, limit: 3)
        #expect(try await store.publish.unmatchedListens(user: "admin").map(\.listenedAt) == [300, 400, 500])
    }
}
