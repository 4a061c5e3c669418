import Foundation
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

@Suite struct OpeningTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    func open(_ path: String) throws(SwingMusicLibraryError) -> SwingMusicLibrary {
        try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedWithItsName() throws {
        let path = try folder.write("swingmusic.db", "these are my notes, not a database\n")
        let error = try #require(throws: SwingMusicLibraryError.self) { try open(path) }
        #expect(error == SwingMusicLibraryError(path: path, problem: .notSQLite))
        #expect(error.description == "SwingMusic database '\(path)' is not an SQLite database")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "these are my notes, not a database\n")
    }

    @Test func aFIFOIsRefusedWithoutBeingOpened() throws {
        let path = folder.file("swingmusic.db")
        #expect(mkfifo(path, 0o600) == 0)
        let error = try #require(throws: SwingMusicLibraryError.self) { try open(path) }
        #expect(
            error.description
                == "SwingMusic database '\(path)' cannot be read: it is a named pipe (FIFO), not a regular file (give library.swingmusic_db the path of swingmusic.db)"
        )
    }

    @Test func aDatabaseWithoutTheTrackTableIsRefused() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.execute("DROP TABLE track")
        #expect(throws: SwingMusicLibraryError(path: swingMusic.path, problem: .missingTable("track"))) {
            try open(swingMusic.path)
        }
    }

    @Test func aDatabaseLackingAColumnNamesTheFileAndTheColumn() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.execute("ALTER TABLE track DROP COLUMN extra")
        let error = try #require(throws: SwingMusicLibraryError.self) { try open(swingMusic.path) }
        #expect(
            error
                == SwingMusicLibraryError(
                    path: swingMusic.path, problem: .missingColumns(table: "track", columns: ["extra"])))
        #expect(
            error.description
                == "SwingMusic database '\(swingMusic.path)': table 'track' has no column 'extra', which swingcache reads (an unsupported SwingMusic version?)"
        )
    }

    @Test func aDatabaseWithoutScrobblesReadsTracksButNotPlays() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac"))
        try swingMusic.execute("DROP TABLE scrobble")
        let library = try open(swingMusic.path)
        #expect(try library.tracks().tracks.count == 1)
        #expect(throws: SwingMusicLibraryError(path: swingMusic.path, problem: .missingTable("scrobble"))) {
            try library.localPlays()
        }
    }

    @Test func aPathThatDoesNotExistIsNotCreated() {
        let path = folder.file("nowhere.db")
        #expect(throws: SwingMusicLibraryError(path: nil, problem: .notFound(tried: [path]))) { try open(path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aDatabaseSwingMusicKeepsLockedIsBusyNotBroken() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        let error = try swingMusic.whileLockedForWriting {
            try #require(throws: SwingMusicLibraryError.self) {
                try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: swingMusic.path), busyTimeout: 0)
            }
        }
        #expect(error == SwingMusicLibraryError(path: swingMusic.path, problem: .busy))
        #expect(
            error.description
                == "SwingMusic's database '\(swingMusic.path)' is busy (another program is writing it); try again later"
        )
    }

    @Test func aTruncatedDatabaseIsSaidToBeDamagedWithAdvice() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTracks((0..<400).map { SwingMusicTrackRow(filepath: "/music/\($0).flac") })
        try swingMusic.close()
        let whole = try Data(contentsOf: URL(fileURLWithPath: swingMusic.path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: swingMusic.path))

        let error = try #require(throws: SwingMusicLibraryError.self) { try open(swingMusic.path).tracks() }
        guard case .damaged = error.problem else {
            Issue.record("expected damage, got \(error)")
            return
        }
        #expect(error.description.hasPrefix("SwingMusic database '\(swingMusic.path)' is not a SwingMusic database"))
        #expect(
            error.description.hasSuffix(
                "check that library.swingmusic_db names SwingMusic's swingmusic.db, or restore it from a backup or let SwingMusic rebuild it"
            ))
    }

    @Test func aFolderGivenAsTheDatabaseIsSaidToBeOneWithTheDatabaseInside() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder, name: "config/swingmusic/swingmusic.db")
        let config = folder.file("config")
        let error = try #require(throws: SwingMusicLibraryError.self) {
            try SwingMusicDatabaseLocation.resolve(explicitPath: config)
        }
        #expect(
            error.description
                == "SwingMusic database '\(config)' is a folder, not a file: did you mean '\(swingMusic.path)'? (give library.swingmusic_db the path of swingmusic.db)"
        )

        let empty = folder.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: SwingMusicLibraryError(path: empty, problem: .folder(suggestion: nil))) {
            try SwingMusicDatabaseLocation.resolve(explicitPath: empty)
        }
    }

    @Test func readingNeverChangesTheDatabaseFile() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTracks((0..<50).map { SwingMusicTrackRow(filepath: "/music/\($0).flac") })
        try swingMusic.addScrobbles(filepath: "/music/1.flac", count: 5)
        try swingMusic.close()
        let before = try snapshot(swingMusic.path)

        do {
            let library = try open(swingMusic.path)
            _ = try library.tracks(limit: 10)
            _ = try library.localPlays(user: "admin")
            _ = try library.userNames()
        }

        #expect(try snapshot(swingMusic.path) == before)
    }

    @Test func aDatabaseFileThatCannotBeWrittenIsRead() throws {
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac"))
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 2)
        try swingMusic.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: swingMusic.path)
        let library = try open(swingMusic.path)
        #expect(try library.tracks().tracks.map(\.filepath) == ["/music/a.flac"])
        #expect(try library.playsByFile() == ["/music/a.flac": 2])
    }

    private struct FileSnapshot: Equatable {
        var bytes: Data
        var modified: Date?
    }

    private func snapshot(_ path: String) throws -> FileSnapshot {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return FileSnapshot(
            bytes: try Data(contentsOf: URL(fileURLWithPath: path)), modified: attributes[.modificationDate] as? Date)
    }
}
