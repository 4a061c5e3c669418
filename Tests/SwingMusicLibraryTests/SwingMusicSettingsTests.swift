import Foundation
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

@Suite struct SwingMusicSettingsTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    @Test func aFolderWithoutSettingsHasSwingMusicsDefaults() throws {
        let settings = try SwingMusicSettings.read(folder: folder.path)
        #expect(settings == SwingMusicSettings())
        #expect(settings.artistSeparators == [";", "/"])
        #expect(settings.artistSplitIgnoreList == SwingMusicSettings.builtInArtistIgnoreList)
        #expect(settings.extractFeaturedArtists && settings.removeProdBy && settings.removeRemasterInfo)
        #expect(settings.cleanAlbumTitle && !settings.mergeAlbums)
    }

    @Test func theSettingsFileAndTheUsersIgnoreFileAreRead() throws {
        try folder.write(
            "settings.json",
            """
            {"artistSeparators": [";", "/", "&"], "artistSplitIgnoreList": ["AC/DC", "Eminem; D12"],
             "removeProdBy": false, "removeRemasterInfo": false, "cleanAlbumTitle": false, "mergeAlbums": true,
             "extractFeaturedArtists": false, "rootDirs": ["/music"]}
            """)
        try folder.write("artist_split_ignore.txt", "  Simon & Garfunkel & Friends \n\nBob / Alice\n")
        let settings = try SwingMusicSettings.read(folder: folder.path)
        #expect(settings.artistSeparators == [";", "/", "&"])
        #expect(Set(settings.artistSplitIgnoreList).isSuperset(of: SwingMusicSettings.builtInArtistIgnoreList))
        #expect(
            Set(settings.artistSplitIgnoreList).subtracting(SwingMusicSettings.builtInArtistIgnoreList)
                == ["Eminem; D12", "Simon & Garfunkel & Friends", "Bob / Alice"])
        #expect(!settings.removeProdBy && !settings.removeRemasterInfo && !settings.cleanAlbumTitle)
        #expect(!settings.extractFeaturedArtists && settings.mergeAlbums)
        let rules = SwingMusicRules(settings)
        #expect(
            rules.artistSplitting.split("Bob / Alice & Simon & Garfunkel & Friends") == [
                "Bob / Alice", "Simon & Garfunkel & Friends",
            ])
    }

    @Test func separatorsGivenAsOneStringAreItsCharacters() throws {
        try folder.write("settings.json", #"{"artistSeparators": ";&"}"#)
        #expect(try SwingMusicSettings.read(folder: folder.path).artistSeparators == [";", "&"])
    }

    @Test func aSettingsFileThatIsNotAJSONObjectIsAnErrorNamingIt() throws {
        let path = try folder.write("settings.json", "[1, 2")
        let error = try #require(throws: SwingMusicLibraryError.self) {
            try SwingMusicSettings.read(folder: folder.path)
        }
        #expect(
            error.description
                == "SwingMusic settings '\(path)' is not a JSON object: fix it or let SwingMusic write it again")
    }

    @Test func theLibraryReadsTheRulesBesideItsDatabase() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTrack(
            SwingMusicTrackRow(filepath: "/music/a.flac", title: "Up & Up", artists: "Coldplay & Beyoncé"))
        #expect(try swingMusic.library().tracks().tracks.first?.artists == ["Coldplay & Beyoncé"])
        try folder.write("settings.json", #"{"artistSeparators": [";", "/", "&"]}"#)
        #expect(try swingMusic.library().tracks().tracks.first?.artists == ["Coldplay", "Beyoncé"])
    }
}
