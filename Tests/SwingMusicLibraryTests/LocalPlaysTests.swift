import Foundation
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

@Suite struct LocalPlaysTests {
    let folder: TemporaryDirectory
    let swingMusic: SwingMusicLibraryBuilder
    let start = 1_795_575_600

    init() throws {
        folder = try TemporaryDirectory()
        swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTracks([
            SwingMusicTrackRow(filepath: "/music/a.flac"), SwingMusicTrackRow(filepath: "/music/b.flac"),
            SwingMusicTrackRow(filepath: "/music/never-played.flac"),
        ])
    }

    @Test func playsAreCountedPerFileWithTheLastPlayTime() throws {
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 3, timestamp: start)
        try swingMusic.addScrobbles(filepath: "/music/b.flac", count: 1, timestamp: start + 100)
        let plays = try swingMusic.library().localPlays()
        #expect(
            plays == [
                "/music/a.flac": LocalPlays(count: 3, lastPlayedAt: Date(timeIntervalSince1970: Double(start + 2))),
                "/music/b.flac": LocalPlays(count: 1, lastPlayedAt: Date(timeIntervalSince1970: Double(start + 100))),
            ])
    }

    @Test func playsCanBeCountedForOneUser() throws {
        try swingMusic.addUser("bob")
        try swingMusic.addScrobbles(filepath: "/music/a.flac", user: "admin", count: 2)
        try swingMusic.addScrobbles(filepath: "/music/a.flac", user: "bob", count: 1)
        try swingMusic.addScrobbles(filepath: "/music/b.flac", user: "bob", count: 4)
        let library = try swingMusic.library()
        #expect(try library.localPlays(user: "bob").mapValues(\.count) == ["/music/a.flac": 1, "/music/b.flac": 4])
        #expect(try library.localPlays(user: "admin").mapValues(\.count) == ["/music/a.flac": 2])
        #expect(try library.localPlays().mapValues(\.count) == ["/music/a.flac": 3, "/music/b.flac": 4])
        #expect(try library.userNames() == ["admin", "bob"])
    }

    @Test func anUnknownUserIsAnErrorThatListsTheUsersThereAre() throws {
        try swingMusic.addUser("bob")
        let library = try swingMusic.library()
        let error = try #require(throws: SwingMusicLibraryError.self) { try library.localPlays(user: "alice") }
        #expect(
            error
                == SwingMusicLibraryError(path: library.path, problem: .unknownUser("alice", known: ["admin", "bob"])))
        #expect(
            error.description == "SwingMusic database '\(library.path)' has no user 'alice' (its users: admin, bob)")
    }

    @Test func playsAreJoinedByFilePathNotByTrackHash() throws {
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 1)
        // The server logs the hash it computes at run time, which is not the one stored in `track`.
        try swingMusic.execute(
            """
            INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra)
            VALUES ('0000000000', 200, ?, 'tr:0000000000', 1, '{"filepath": "/music/a.flac", "title": "A Title"}')
            """, [start])
        #expect(try swingMusic.library().localPlays().mapValues(\.count) == ["/music/a.flac": 2])
    }

    @Test func aPathBeyondASCIIIsReadBackFromItsEscapedJSON() throws {
        let path = "/music/Sigur Rós/Ágætis byrjun/Svefn-g-englar 🎵.flac"
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: path))
        try swingMusic.addScrobbles(filepath: path, count: 2)
        #expect(try swingMusic.library().localPlays().mapValues(\.count) == [path: 2])
    }

    @Test func rowsWithoutAUsablePathAreLeftOutNotFatal() throws {
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 1)
        for extra in ["NULL", "'{}'", "'{not json'", "'{\"filepath\": 42}'", "'{\"filepath\": \"\"}'", "'[]'"] {
            try swingMusic.execute(
                "INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES ('x', 1, 1, 'tr:x', 1, \(extra))"
            )
        }
        #expect(try swingMusic.library().localPlays().mapValues(\.count) == ["/music/a.flac": 1])
    }

    @Test func aFileRemovedFromTheLibraryKeepsItsCount() throws {
        try swingMusic.addScrobbles(filepath: "/music/b.flac", count: 2)
        try swingMusic.execute("DELETE FROM track WHERE filepath = '/music/b.flac'")
        #expect(try swingMusic.library().localPlays().mapValues(\.count) == ["/music/b.flac": 2])
    }

    @Test func countsStayConsistentWhileTheServerWritesPlays() async throws {
        let library = try swingMusic.library()
        let swingMusic = swingMusic
        // Each write adds two plays in one transaction: a reader that saw half a transaction would count an odd
        // number.
        async let writes: Void = {
            for _ in 0..<100 { try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 2) }
        }()
        var counts: [Int] = []
        for _ in 0..<100 {
            counts.append(try library.localPlays()["/music/a.flac"]?.count ?? 0)
            await Task.yield()
        }
        try await writes
        #expect(counts.allSatisfy { $0.isMultiple(of: 2) })
        #expect(counts == counts.sorted())
        #expect(try library.localPlays()["/music/a.flac"]?.count == 200)
    }
}
