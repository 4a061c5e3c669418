import Foundation
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

@Suite struct ReadingTracksTests {
    let folder: TemporaryDirectory
    let swingMusic: SwingMusicLibraryBuilder

    init() throws {
        folder = try TemporaryDirectory()
        swingMusic = try SwingMusicLibraryBuilder(in: folder)
    }

    @Test func aTrackIsReadWithTheTagsTheMatcherNeeds() throws {
        try swingMusic.addTrack(
            SwingMusicTrackRow(
                filepath: "/music/Queen/Under Pressure.flac", title: "Under Pressure", artists: "Queen/David Bowie",
                albumArtists: "Queen", album: "Hot Space", duration: 248, isrc: .text("GBUM71029604")))
        let page = try swingMusic.library().tracks()
        #expect(
            page.tracks == [
                LibraryTrack(
                    filepath: "/music/Queen/Under Pressure.flac",
                    tags: TrackTags(
                        title: "Under Pressure", artists: "Queen/David Bowie", albumArtists: "Queen",
                        album: "Hot Space"),
                    shown: ShownTrack(
                        title: "Under Pressure", artists: ["Queen", "David Bowie"], albumArtists: ["Queen"],
                        album: "Hot Space", trackhash: "17e67ced90babe7e"),
                    durationSeconds: 248, isrc: "GBUM71029604",
                    lastModified: Date(timeIntervalSince1970: 1_700_000_000))
            ])
        #expect(page.next == nil)
    }

    @Test func aTrackKeepsItsTagsAndIsShownCleanedAsSwingMusicShowsIt() throws {
        try swingMusic.addTrack(
            SwingMusicTrackRow(
                filepath: "/music/a.flac", title: "Get Lucky (feat. Pharrell Williams & Nile Rodgers)",
                artists: "Daft Punk", album: "Random Access Memories"))
        let track = try #require(try swingMusic.library().tracks().tracks.first)
        #expect(track.tags.title == "Get Lucky (feat. Pharrell Williams & Nile Rodgers)")
        #expect(track.title == "Get Lucky ")
        #expect(track.localTrack.title == "Get Lucky")
        #expect(track.artists == ["Daft Punk", "Pharrell Williams & Nile Rodgers"])
        #expect(track.trackhash == "45ada0910a9a7164")
    }

    @Test(arguments: [
        (ISRCTagValue.absent, String?.none),
        (.text("USRC17607839"), "USRC17607839"),
        (.text("us-rc1-76-07839"), "USRC17607839"),
        (.text("GBAYE0601498; GBAYE0601499"), "GBAYE0601498"),
        (.text("not an isrc"), nil),
        (.list(["USRC17607839"]), "USRC17607839"),
        (.list(["", "unknown", "gbaye0601498", "USRC17607839"]), "GBAYE0601498"),
        (.list([]), nil),
    ])
    func theISRCIsReadFromAStringOrAList(tag: ISRCTagValue, expected: String?) throws {
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac", isrc: tag))
        let track = try #require(try swingMusic.library().tracks().tracks.first)
        #expect(track.isrc == expected)
    }

    @Test func aTrackWithMalformedExtraIsReadWithoutAnISRC() throws {
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac", isrc: .text("USRC17607839")))
        try swingMusic.execute("UPDATE track SET extra = '{not json'")
        let track = try #require(try swingMusic.library().tracks().tracks.first)
        #expect(track.isrc == nil)
        #expect(track.filepath == "/music/a.flac")
    }

    @Test(arguments: [
        ("Queen/David Bowie", ["Queen", "David Bowie"]),
        ("Daft Punk; Pharrell Williams, Nile Rodgers", ["Daft Punk", "Pharrell Williams", "Nile Rodgers"]),
        ("AC/DC", ["AC/DC"]),
        ("ac/dc/Metallica", ["ac/dc", "Metallica"]),
        ("Simon & Garfunkel", ["Simon & Garfunkel"]),
        ("", []),
    ])
    func artistsAreSplitAsSwingMusicSplitsThem(column: String, expected: [String]) throws {
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac", artists: column, albumArtists: column))
        let track = try #require(try swingMusic.library().tracks().tracks.first)
        #expect(track.artists == expected)
        #expect(track.albumArtists == expected)
    }

    @Test func theUsersOwnSeparatorsCanBeGiven() throws {
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac", artists: "Simon & Garfunkel; AC/DC"))
        var settings = SwingMusicSettings()
        settings.artistSeparators = ["&", ";"]
        settings.artistSplitIgnoreList = []
        let track = try #require(try swingMusic.library(rules: SwingMusicRules(settings)).tracks().tracks.first)
        #expect(track.artists == ["Simon", "Garfunkel", "AC/DC"])
    }

    @Test func aLargeLibraryComesInBoundedBatchesEachTrackOnce() throws {
        let rows = (0..<2_500).map { SwingMusicTrackRow(filepath: "/music/\($0).flac", title: "Track \($0)") }
        try swingMusic.addTracks(rows)
        let library = try swingMusic.library()
        var sizes: [Int] = []
        var paths: [String] = []
        var position: TrackPage.Position?
        repeat {
            let page = try library.tracks(after: position, limit: 1_000)
            sizes.append(page.tracks.count)
            paths += page.tracks.map(\.filepath)
            position = page.next
        } while position != nil
        #expect(sizes == [1_000, 1_000, 500])
        #expect(paths == rows.map(\.filepath))
    }

    @Test func tracksAddedWhileReadingComeInALaterBatchAndScrobblesWrittenMeanwhileAreAllCounted() async throws {
        try swingMusic.addTracks((0..<250).map { SwingMusicTrackRow(filepath: "/music/\($0).flac") })
        let library = try swingMusic.library()
        var seen: [String] = []
        var batches = 0
        try await library.forEachTrackBatch(size: 100) { tracks in
            seen += tracks.map(\.filepath)
            batches += 1
            // SwingMusic goes on scanning and logging plays between two batches of this reader.
            try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/new-\(batches).flac"))
            try swingMusic.addScrobbles(filepath: tracks[0].filepath, count: 2)
        }
        #expect(Set(seen).count == seen.count)
        #expect(seen.count == 250 + batches - 1)
        #expect(seen.suffix(batches - 1) == (1..<batches).map { "/music/new-\($0).flac" }[...])
        #expect(try library.localPlays().total == 2 * batches)
    }

    @Test func theFingerprintChangesWithTheTagsTheMatcherReadsAndOnlyWithThem() throws {
        try swingMusic.addTrack(
            SwingMusicTrackRow(filepath: "/music/a.flac", title: "Song", isrc: .list(["USRC17607839"])))
        let library = try swingMusic.library()
        func fingerprint() throws -> String { try #require(try library.tracks().tracks.first).fingerprint }
        let original = try fingerprint()

        try swingMusic.execute("UPDATE track SET last_mod = last_mod + 60, bitrate = 128, genres = 'Pop'")
        #expect(try fingerprint() == original)
        try swingMusic.execute("UPDATE track SET extra = json_set(extra, '$.isrc', 'USRC17607839')")
        #expect(try fingerprint() == original)

        var changed: Set<String> = [original]
        for update in [
            "UPDATE track SET title = 'Song (Live)'", "UPDATE track SET artists = 'Someone Else'",
            "UPDATE track SET album = 'Another Album'", "UPDATE track SET duration = duration + 1",
            "UPDATE track SET extra = json_set(extra, '$.isrc', 'GBAYE0601498')",
        ] {
            try swingMusic.execute(update)
            #expect(changed.insert(try fingerprint()).inserted, "\(update)")
        }
    }
}
