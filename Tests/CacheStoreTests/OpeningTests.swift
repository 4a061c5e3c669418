import CacheStore
import Foundation
import GRDB
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct OpeningTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    func open(_ path: String, _ access: AppDatabase.Access = .readWrite, isDefault: Bool = false)
        throws(StoreError) -> AppDatabase
    {
        try AppDatabase.open(DatabaseLocation(path: path, isDefault: isDefault), access: access)
    }

    @Test func anExplicitPathInAMissingFolderIsRefusedAndNothingIsCreated() {
        let path = folder.file("nowhere/cache.sqlite")
        #expect(throws: StoreError(path: path, problem: .folderMissing(folder.file("nowhere")))) { try open(path) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("nowhere")))
    }

    @Test func theDefaultPathCreatesItsFolder() throws {
        let path = folder.file("data/swingcache/cache.sqlite")
        _ = try open(path, isDefault: true)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let path = try folder.write("notes.sqlite", "these are my notes, not a database\n")
        for access in [AppDatabase.Access.readWrite, .readOnly] {
            #expect(throws: StoreError(path: path, problem: .notSQLite)) { try open(path, access) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "these are my notes, not a database\n")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anotherProgramsDatabaseIsNeverWrittenInto() async throws {
        let path = folder.file("swingmusic.db")
        _ = try await SQLiteShell.query(path, "CREATE TABLE track (id INTEGER PRIMARY KEY, filepath TEXT)")
        #expect(throws: StoreError(path: path, problem: .notASwingcacheDatabase)) { try open(path) }
        #expect(try await SQLiteShell.query(path, "SELECT name FROM sqlite_master WHERE type = 'table'") == "track")
    }

    @Test func anotherProgramsDatabaseIsRefusedBeforeAnyByteOfItChanges() async throws {
        let path = folder.file("swingmusic.db")
        _ = try await SQLiteShell.query(
            path, "PRAGMA journal_mode = DELETE; CREATE TABLE track (id INTEGER PRIMARY KEY, filepath TEXT)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError(path: path, problem: .notASwingcacheDatabase)) { try open(path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not switched to WAL, not grown")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func aFIFOIsRefusedWithoutBeingOpened() throws {
        let path = folder.file("cache.sqlite")
        #expect(mkfifo(path, 0o600) == 0)
        for access in [AppDatabase.Access.readWrite, .readOnly] {
            #expect(
                throws: StoreError(
                    path: path, problem: .notARegularFile("it is a named pipe (FIFO), not a regular file"))
            ) { try open(path, access) }
        }
    }

    @Test func aSymbolicLinkLoopIsRefusedNotReadAsAMissingDatabase() throws {
        let path = folder.file("loop.sqlite")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
        for access in [AppDatabase.Access.readWrite, .readOnly] {
            #expect(
                throws: StoreError(path: path, problem: .notARegularFile("too many levels of symbolic links"))
            ) { try open(path, access) }
        }
    }

    @Test func aDeviceIsRefusedAsADatabase() {
        for access in [AppDatabase.Access.readWrite, .readOnly] {
            #expect(
                throws: StoreError(path: "/dev/null", problem: .notARegularFile("it is a device, not a regular file"))
            ) { try open("/dev/null", access) }
        }
    }

    @Test func aDatabaseWithASecondHardLinkIsRefusedForWritingButStillRead() throws {
        let path = folder.file("cache.sqlite")
        _ = try open(path)
        #expect(link(path, folder.file("other-name.sqlite")) == 0)
        #expect(throws: StoreError(path: path, problem: .hardLinked(names: 2))) { try open(path) }
        #expect(throws: StoreError(path: folder.file("other-name.sqlite"), problem: .hardLinked(names: 2))) {
            try open(folder.file("other-name.sqlite"))
        }
        _ = try open(path, .readOnly)
    }

    @Test func aDamagedDatabaseIsRefusedForWritingWhenIntegrityIsChecked() async throws {
        let path = folder.file("cache.sqlite")
        _ = try open(path)
        _ = try await SQLiteShell.query(path, "PRAGMA wal_checkpoint(TRUNCATE)")
        let pageSize = try #require(Int(try await SQLiteShell.query(path, "PRAGMA page_size")))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(pageSize))
        try handle.write(contentsOf: Data(count: pageSize))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let error = try #require(throws: StoreError.self) {
            try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite, checkingIntegrity: true)
        }
        guard case .damaged = error.problem else {
            Issue.record("expected a damaged database, got \(error)")
            return
        }
        #expect(error.description.contains("swingcache will not write into it: move it aside"))
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        let changed = (0..<min(before.count, after.count)).filter { before[$0] != after[$0] }
        #expect(after == before, "\(before.count) -> \(after.count) bytes, changed at \(changed.prefix(20))")
        #expect(try open(path, .readOnly).damage() != nil, "doctor's check finds it too")
    }

    @Test func anIntactDatabasePassesTheCheck() throws {
        let path = folder.file("cache.sqlite")
        _ = try open(path)
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite, checkingIntegrity: true)
        #expect(try store.damage() == nil)
    }

    @Test func aDatabaseFromANewerSwingcacheIsRefused() async throws {
        let path = folder.file("cache.sqlite")
        _ = try open(path)
        _ = try await SQLiteShell.query(path, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        #expect(throws: StoreError(path: path, problem: .newerSchema(unknownMigrations: ["v99-from-the-future"]))) {
            try open(path)
        }
        #expect(throws: StoreError.self) { try open(path, .readOnly) }
    }

    @Test func aReadOfADatabaseThatDoesNotExistSeesAnEmptyOneAndCreatesNothing() async throws {
        let path = folder.file("later.sqlite")
        let store = try open(path, .readOnly)
        #expect(
            try await store.catalog.cacheStates(for: [SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")]).isEmpty
        )
        #expect(!store.fileExists)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFolderThatCannotBeWrittenIsRefused() throws {
        // /proc is read-only for everyone, root included, so this holds when tests run as root.
        let path = "/proc/swingcache-test.sqlite"
        #expect(throws: StoreError(path: path, problem: .folderNotWritable("/proc"))) { try open(path) }
    }

    @Test(arguments: [
        (
            ResultCode.SQLITE_FULL,
            "database 'c.sqlite': the disk is full; free some space and try again (SQLite kept the file consistent)"
        ),
        (.SQLITE_IOERR_READ, "database 'c.sqlite': cannot be read or written (an I/O error); check the disk it is on"),
        (
            .SQLITE_BUSY,
            "database 'c.sqlite' is busy: another swingcache process kept it locked for writing; try again when it ends"
        ),
    ])
    func sqliteErrorsMetWhileWorkingAreSaidAsSentences(code: ResultCode, sentence: String) throws {
        let error = try #require(AppDatabase.storeError(for: DatabaseError(resultCode: code), path: "c.sqlite"))
        #expect(error.description == sentence)
        #expect(!error.description.contains("SQLite error"))
    }

    @Test func errorMessagesNameThePathAndSayWhatToDo() {
        #expect(
            StoreError(path: "/x/c.sqlite", problem: .folderMissing("/x")).description
                == "database '/x/c.sqlite': folder '/x' does not exist (create it, or choose another path with --db)")
        #expect(
            StoreError(path: "c.sqlite", problem: .notSQLite).description
                == "database 'c.sqlite' is not an SQLite database (is --db pointing at the right file?)")
    }
}
