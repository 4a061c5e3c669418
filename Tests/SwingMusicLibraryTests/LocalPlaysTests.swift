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
            SwingMusicTrackRow(filepath: "/music/a.flac", title: "A"),
            SwingMusicTrackRow(filepath: "/music/b.flac", title: "B"),
            SwingMusicTrackRow(filepath: "/music/never-played.flac", title: "Never"),
        ])
    }

    @Test func playsAreCountedPerSongWithTheLastPlayTime() throws {
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 3, timestamp: start)
        try swingMusic.addScrobbles(filepath: "/music/b.flac", count: 1, timestamp: start + 100)
        let library = try swingMusic.library()
        let tracks = try library.tracks().tracks
        let plays = try library.localPlays()
        #expect(
            plays.byTrackhash == [
                tracks[0].trackhash: LocalPlays(count: 3, lastPlayedAt: Date(timeIntervalSince1970: Double(start + 2))),
                tracks[1].trackhash: LocalPlays(
                    count: 1, lastPlayedAt: Date(timeIntervalSince1970: Double(start + 100))),
            ])
        #expect(plays.total == 4)
    }

    @Test func playsCanBeCountedForOneUser() throws {
        try swingMusic.addUser("bob")
        try swingMusic.addScrobbles(filepath: "/music/a.flac", user: "admin", count: 2)
        try swingMusic.addScrobbles(filepath: "/music/a.flac", user: "bob", count: 1)
        try swingMusic.addScrobbles(filepath: "/music/b.flac", user: "bob", count: 4)
        let library = try swingMusic.library()
        #expect(try library.playsByFile(user: "bob") == ["/music/a.flac": 1, "/music/b.flac": 4])
        #expect(try library.playsByFile(user: "admin") == ["/music/a.flac": 2])
        #expect(try library.playsByFile() == ["/music/a.flac": 3, "/music/b.flac": 4])
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

    @Test func playsRestoredWithoutExtraAreCountedByTheirHash() throws {
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 1)
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 2, extra: false)
        for extra in ["NULL", "'{}'", "'{not json'", "'[]'"] {
            let hash = try #require(try swingMusic.library().tracks().tracks.first?.trackhash)
            try swingMusic.execute(
                "INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES (?, 1, 1, 'x', 1, \(extra))",
                [hash])
        }
        #expect(try swingMusic.library().playsByFile() == ["/music/a.flac": 7])
    }

    @Test func aPlayGoesToTheSongItsHashNamesWhateverFileItsExtraNames() throws {
        let library = try swingMusic.library()
        let b = try #require(try library.tracks().tracks.first { $0.filepath == "/music/b.flac" })
        try swingMusic.addScrobbles(
            trackhash: b.trackhash, count: 2, extra: #"{"filepath": "/music/a.flac", "title": "A"}"#)
        #expect(try library.playsByFile() == ["/music/b.flac": 2])
    }

    @Test func copiesOfOneSongShareItsPlays() throws {
        try swingMusic.addTracks([
            SwingMusicTrackRow(filepath: "/music/flac/c.flac", title: "Copy", album: "Album"),
            SwingMusicTrackRow(filepath: "/music/mp3/c.mp3", title: "Copy", album: "Album"),
        ])
        try swingMusic.addScrobbles(filepath: "/music/flac/c.flac", count: 2)
        try swingMusic.addScrobbles(filepath: "/music/mp3/c.mp3", count: 1)
        #expect(try swingMusic.library().playsByFile() == ["/music/flac/c.flac": 3, "/music/mp3/c.mp3": 3])
    }

    @Test func playsOfSongsNotInTheLibraryAreCountedAsUnmatched() throws {
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 1)
        try swingMusic.addScrobbles(filepath: "/music/removed.flac", count: 2)
        try swingMusic.addScrobbles(filepath: "/music/renamed.flac", count: 3)
        let library = try swingMusic.library()
        let known = Set(try library.tracks().tracks.map(\.trackhash))
        let plays = try library.localPlays()
        #expect(plays.total == 6)
        #expect(plays.unmatched(byTrackhash: known) == UnmatchedPlays(songs: 2, plays: 5))
    }

    @Test func aTitleBeyondASCIIIsCountedByItsHash() throws {
        try swingMusic.addTrack(
            SwingMusicTrackRow(
                filepath: "/music/Sigur Rós/Ágætis byrjun/Svefn-g-englar 🎵.flac", title: "Svefn-g-englar 🎵",
                artists: "Sigur Rós", album: "Ágætis byrjun"))
        try swingMusic.addScrobbles(filepath: "/music/Sigur Rós/Ágætis byrjun/Svefn-g-englar 🎵.flac", count: 2)
        #expect(try swingMusic.library().playsByFile() == ["/music/Sigur Rós/Ágætis byrjun/Svefn-g-englar 🎵.flac": 2])
    }

    @Test func countsStayConsistentWhileTheServerWritesPlays() async throws {
        let library = try swingMusic.library()
        let hash = try #require(try library.tracks().tracks.first?.trackhash)
        let swingMusic = swingMusic
        // Each write adds two plays in one transaction: a reader that saw half a transaction would count an odd
        // number.
        async let writes: Void = {
            for _ in 0..<100 { try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 2) }
        }()
        var counts: [Int] = []
        for _ in 0..<100 {
            counts.append(try library.localPlays()[hash]?.count ?? 0)
            await Task.yield()
        }
        try await writes
        #expect(counts.allSatisfy { $0.isMultiple(of: 2) })
        #expect(counts == counts.sorted())
        #expect(try library.localPlays()[hash]?.count == 200)
    }
}
