import CacheStore
import Foundation
import InMemoryLogging
import Logging
import Runner
import SwingCache
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

/// Reading the SwingMusic library into the store: what SwingMusic shows, its hash and raw tags, plays per song.
@Suite struct LibraryImportTests {
    let folder: TemporaryDirectory
    let store: AppDatabase
    let swingMusic: SwingMusicLibraryBuilder
    let log = InMemoryLogHandler()

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
        swingMusic = try SwingMusicLibraryBuilder(in: folder)
    }

    func importLibrary(user: String? = nil) async throws -> LibraryImportResult {
        let origin = SourceLocation(file: "library.yaml", line: 1, column: 1)
        let log = log
        let logger = Logger(label: "test") { _ in log }
        return try await LibraryImport(store: store, clock: ManualClock(), logger: logger)
            .run(LibrarySource(swingMusicDatabase: swingMusic.path, user: user, origin: origin))
    }

    @Test func eachFileIsStoredAsSwingMusicShowsItWithItsHashAndRawTags() async throws {
        try swingMusic.addTrack(
            SwingMusicTrackRow(
                filepath: "/music/lucky.mp3", title: "Get Lucky (feat. Pharrell Williams & Nile Rodgers)",
                artists: "Daft Punk", album: "Random Access Memories (Deluxe Edition)"))
        _ = try await importLibrary()

        let file = try #require(try await store.facts.enrichedTrack(filepath: "/music/lucky.mp3")).library
        #expect(file.title == "Get Lucky")
        #expect(file.artists == ["Daft Punk", "Pharrell Williams & Nile Rodgers"])
        #expect(file.album == "Random Access Memories")
        #expect(file.lastfmKey == LastfmTrackKey(artist: "Daft Punk", title: "Get Lucky"))
        #expect(
            file.swingMusic
                == SwingMusicFileRecord(
                    trackhash: "45ada0910a9a7164", tagTitle: "Get Lucky (feat. Pharrell Williams & Nile Rodgers)",
                    tagArtists: "Daft Punk", tagAlbumArtists: "Daft Punk",
                    tagAlbum: "Random Access Memories (Deluxe Edition)"))
    }

    @Test func copiesShareTheSongsPlaysAndPlaysOfSongsNotInTheLibraryAreCountedAndReported() async throws {
        try swingMusic.addUser("bob")
        try swingMusic.addTracks([
            SwingMusicTrackRow(filepath: "/music/flac/song.flac", title: "Song"),
            SwingMusicTrackRow(filepath: "/music/mp3/song.mp3", title: "Song"),
            SwingMusicTrackRow(filepath: "/music/other.flac", title: "Other"),
        ])
        try swingMusic.addScrobbles(filepath: "/music/flac/song.flac", count: 2)
        try swingMusic.addScrobbles(filepath: "/music/mp3/song.mp3", count: 1, extra: false)
        try swingMusic.addScrobbles(filepath: "/music/other.flac", user: "bob", count: 5)
        try swingMusic.addScrobbles(filepath: "/music/removed.flac", count: 4)

        let result = try await importLibrary(user: "admin")

        #expect(try await store.facts.enrichedTrack(filepath: "/music/flac/song.flac")?.library.localPlayCount == 3)
        #expect(try await store.facts.enrichedTrack(filepath: "/music/mp3/song.mp3")?.library.localPlayCount == 3)
        #expect(try await store.facts.enrichedTrack(filepath: "/music/other.flac")?.library.localPlayCount == 0)
        #expect(
            try await store.facts.enrichedTrack(filepath: "/music/flac/song.flac")?.songCopies == [
                "/music/mp3/song.mp3"
            ])
        #expect(result.unmatchedPlays == UnmatchedPlays(songs: 1, plays: 4))
        let warning = try #require(log.entries.first { $0.level == .warning })
        #expect(
            warning.message.description == "SwingMusic plays of songs not in the library are not counted on any file")
        #expect(warning.metadata["plays"] == "4")
        #expect(warning.metadata["user"] == "admin")
    }

    @Test func everyPlayOfTheLibraryIsCountedWithNoWarning() async throws {
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac", title: "A"))
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 2)
        let result = try await importLibrary()
        #expect(result.unmatchedPlays == UnmatchedPlays())
        #expect(!log.entries.contains { $0.level == .warning })
    }
}
