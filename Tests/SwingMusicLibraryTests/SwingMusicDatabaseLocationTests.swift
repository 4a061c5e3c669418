import Foundation
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

@Suite struct SwingMusicDatabaseLocationTests {
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
    }

    @Test func candidatesFollowSwingMusicsOwnOrder() {
        let candidates = SwingMusicDatabaseLocation.candidates(
            environment: ["SWINGMUSIC_CONFIG_DIR": "/config", "XDG_CONFIG_HOME": "/home/ana/.xdg/"],
            homeDirectory: "/home/ana")
        #expect(
            candidates == [
                "/config/swingmusic/swingmusic.db", "/config/swingmusic.db", "/home/ana/.xdg/swingmusic/swingmusic.db",
                "/home/ana/.config/swingmusic/swingmusic.db", "/home/ana/.swingmusic/swingmusic.db",
            ])
    }

    @Test func emptyVariablesAreIgnored() {
        let candidates = SwingMusicDatabaseLocation.candidates(
            environment: ["SWINGMUSIC_CONFIG_DIR": "", "XDG_CONFIG_HOME": ""], homeDirectory: "/home/ana")
        #expect(candidates == ["/home/ana/.config/swingmusic/swingmusic.db", "/home/ana/.swingmusic/swingmusic.db"])
    }

    @Test(arguments: [
        (["config/swingmusic/swingmusic.db", "xdg/swingmusic/swingmusic.db"], "config/swingmusic/swingmusic.db"),
        (["config/swingmusic.db", "xdg/swingmusic/swingmusic.db"], "config/swingmusic.db"),
        (["xdg/swingmusic/swingmusic.db", ".config/swingmusic/swingmusic.db"], "xdg/swingmusic/swingmusic.db"),
        ([".config/swingmusic/swingmusic.db", ".swingmusic/swingmusic.db"], ".config/swingmusic/swingmusic.db"),
        ([".swingmusic/swingmusic.db"], ".swingmusic/swingmusic.db"),
    ])
    func theFirstCandidateThatExistsIsChosen(existing: [String], expected: String) throws {
        for file in existing { try home.write(file, "") }
        let location = try SwingMusicDatabaseLocation.resolve(
            explicitPath: nil, environment: environment, homeDirectory: home.path)
        #expect(location.path == home.file(expected))
    }

    @Test func aFolderNamedLikeTheDatabaseIsNotTakenForIt() throws {
        try FileManager.default.createDirectory(
            atPath: home.file("config/swingmusic/swingmusic.db"), withIntermediateDirectories: true)
        try home.write(".swingmusic/swingmusic.db", "")
        let location = try SwingMusicDatabaseLocation.resolve(
            explicitPath: nil, environment: environment, homeDirectory: home.path)
        #expect(location.path == home.file(".swingmusic/swingmusic.db"))
    }

    @Test func anExplicitPathWinsOverEveryDefault() throws {
        try home.write(".config/swingmusic/swingmusic.db", "")
        let mine = try home.write("elsewhere/library.db", "")
        let location = try SwingMusicDatabaseLocation.resolve(
            explicitPath: mine, environment: environment, homeDirectory: home.path)
        #expect(location.path == mine)
    }

    @Test func whenNothingExistsTheErrorNamesEveryPathTried() throws {
        let expected = SwingMusicLibraryError(
            path: nil,
            problem: .notFound(
                tried: SwingMusicDatabaseLocation.candidates(
                    environment: environment, homeDirectory: home.path)))
        let error = try #require(throws: SwingMusicLibraryError.self) {
            try SwingMusicDatabaseLocation.resolve(
                explicitPath: nil, environment: environment, homeDirectory: home.path)
        }
        #expect(error == expected)
        for path in [
            "config/swingmusic/swingmusic.db", "config/swingmusic.db", "xdg/swingmusic/swingmusic.db",
            ".config/swingmusic/swingmusic.db", ".swingmusic/swingmusic.db",
        ] {
            #expect(error.description.contains("'\(home.file(path))'"))
        }
    }

    @Test func aMissingExplicitPathIsNamedAlone() {
        let path = home.file("typo.db")
        #expect(throws: SwingMusicLibraryError(path: nil, problem: .notFound(tried: [path]))) {
            try SwingMusicDatabaseLocation.resolve(
                explicitPath: path, environment: environment, homeDirectory: home.path)
        }
        #expect(
            SwingMusicLibraryError(path: nil, problem: .notFound(tried: [path])).description
                == "SwingMusic database '\(path)' does not exist")
    }

    private var environment: [String: String] {
        ["SWINGMUSIC_CONFIG_DIR": home.file("config"), "XDG_CONFIG_HOME": home.file("xdg")]
    }
}
