import Foundation
import GRDB
import SwingCache

/// The SQLite database of record: it owns the writer and the migrations, and hands out one small store per area.
///
/// ```swift
/// let database = try AppDatabase.open(DatabaseLocation(path: "cache.sqlite"), access: .readWrite)
/// let states = try await database.catalog.cacheStates(for: ids)
/// ```
///
/// Times are passed in by the caller; the stores never read the clock.
package final class AppDatabase: Sendable {
    package enum Access: Sendable {
        /// Creates the database and applies migrations when needed.
        case readWrite
        /// Writes nothing; a database that does not exist yet reads as empty.
        case readOnly
    }

    let writer: any DatabaseWriter
    package let path: String
    /// False for the empty stand-in a read of a database that does not exist yet gets.
    package let fileExists: Bool

    init(writer: any DatabaseWriter, path: String, fileExists: Bool = true) {
        self.writer = writer
        self.path = path
        self.fileExists = fileExists
    }

    /// Cached Spotify entities, known-missing ids and their freshness.
    package var catalog: CatalogStore { CatalogStore(writer: writer) }
    /// The request ledger, pacing and each service's state: the budget every process shares.
    package var ledger: LedgerStore { LedgerStore(writer: writer, path: path) }
    /// The library's files, their matches to Spotify tracks and the review of those matches.
    package var library: LibraryStore { LibraryStore(writer: writer) }
    /// The providers' facts and the enriched track they make.
    package var facts: FactStore { FactStore(writer: writer) }
    /// What `publish` wrote into SwingMusic and how far each user's history was imported.
    package var publish: PublishStore { PublishStore(writer: writer) }
    /// The runs and their outcomes.
    package var runs: RunStore { RunStore(writer: writer) }

    /// Opens (and for `.readWrite`, creates and migrates) the database at `location`.
    ///
    /// With `checkingIntegrity`, an existing file must pass SQLite's `quick_check` before anything is written
    /// to it: `run` and `cleanup` never write into a damaged file (``StoreError/Problem/damaged(_:)``).
    package static func open(_ location: DatabaseLocation, access: Access, checkingIntegrity: Bool = false)
        throws(StoreError) -> AppDatabase
    {
        let path = location.path
        let exists = FileManager.default.fileExists(atPath: path)
        try requireUsableFile(path, exists: exists, forWriting: access == .readWrite)
        do {
            switch access {
            case .readOnly:
                guard exists else { return try inMemory(path: path) }
                try requireSQLiteHeader(path)
                let queue = try readOnlyQueue(path)
                try queue.inDatabase { db in
                    let applied = try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
                    for (migration, standIn) in readOnlyStandIns.sorted(by: { $0.key < $1.key })
                    where !applied.contains(migration) {
                        try db.execute(sql: standIn)
                    }
                }
                return AppDatabase(writer: queue, path: path)
            case .readWrite:
                try prepareFolder(for: location, fileExists: exists)
                if exists {
                    try requireSQLiteHeader(path)
                    try inspectBeforeWriting(path, checkingIntegrity: checkingIntegrity)
                }
                var configuration = Configuration()
                configuration.busyMode = .timeout(10)
                configuration.prepareDatabase { db in
                    guard !db.configuration.readonly else { return }
                    // Only takes effect on a new file: lets cleanup hand pages back with incremental_vacuum.
                    try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                    // In WAL mode NORMAL never corrupts; a power cut may lose the last commits, which the next
                    // run fetches again.
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                    // Cleanup deletes ids scattered over the whole primary-key index: a larger cache for the
                    // one writer keeps those pages from being read and written again batch after batch.
                    try db.execute(sql: "PRAGMA cache_size = -16000")
                }
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.read { db in try checkSchema(db, path: path, allowMissingMigrations: true) }
                try migrator.migrate(pool)
                return AppDatabase(writer: pool, path: path)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN && access == .readWrite {
            throw StoreError(path: path, problem: .folderNotWritable(location.folder))
        } catch let error as DatabaseError {
            throw StoreError(path: path, problem: problem(for: error))
        } catch {
            throw StoreError(path: path, problem: .sqlite("\(error)"))
        }
    }

    /// A read-only connection whose schema has been checked.
    ///
    /// A WAL database needs its `-shm` file beside it even to be read; in a folder nobody may write (a read-only
    /// mount, a backup) where none exists, SQLite cannot open it, so the file is then read as immutable: as it
    /// is, which is all a read-only command needs.
    private static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in try checkSchema(db, path: path, allowMissingMigrations: true) }
            return queue
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY
        {
            let queue = try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            try queue.read { db in try checkSchema(db, path: path, allowMissingMigrations: true) }
            return queue
        }
    }

    /// `file:PATH?immutable=1`, the path escaped as SQLite's URI filenames require.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for byte in absolute.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F...:
                escaped += String(format: "%%%02X", byte)
            default: escaped.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    /// Checks what a writer needs before anything is opened, creating the default folder: a regular file (or
    /// none yet) with one name, in a folder swingcache may write. `run` calls it before it takes the run lock.
    package static func prepareToWrite(_ location: DatabaseLocation) throws(StoreError) {
        let exists = FileManager.default.fileExists(atPath: location.path)
        try requireUsableFile(location.path, exists: exists, forWriting: true)
        try prepareFolder(for: location, fileExists: exists)
    }

    /// Refuses what is not a regular file before anything opens it, and, for writing, a file with two names.
    private static func requireUsableFile(_ path: String, exists: Bool, forWriting: Bool) throws(StoreError) {
        // Opening a FIFO blocks until something writes to it; a device, a folder or a symbolic-link loop is no
        // database either.
        if let reason = RegularFile.problem(at: path, missingIsFine: true) {
            throw StoreError(path: path, problem: .notARegularFile(reason))
        }
        if forWriting, exists, let links = RegularFile.linkCount(at: path), links > 1 {
            throw StoreError(path: path, problem: .hardLinked(names: links))
        }
    }

    /// SQLite's `quick_check` of the whole file: nil when it is intact, else the first problem found.
    ///
    /// Reads every page once (about a second per few hundred MB), so it runs where it matters: before `run` and
    /// `cleanup` write, and in `doctor`.
    package func damage() throws(StoreError) -> String? {
        do {
            return try writer.read(Self.firstDamage)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(path: path, problem: Self.problem(for: error))
        } catch {
            throw StoreError(path: path, problem: .sqlite("\(error)"))
        }
    }

    static func firstDamage(_ db: Database) throws -> String? {
        do {
            let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
            return findings == ["ok"] ? nil : findings.first ?? "quick_check found a problem"
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            return error.message ?? "database disk image is malformed"
        }
    }

    /// The sentence for an error met while reading or writing the database at `path`: a ``StoreError`` as it
    /// is, an SQLite error as the problem it means, nil for anything else.
    package static func storeError(for error: any Error, path: String) -> StoreError? {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return nil }
        return StoreError(path: path, problem: problem(for: error))
    }

    /// A migrated, empty database in memory: what a read of a database that does not exist yet sees.
    package static func inMemory(path: String = ":memory:") throws -> AppDatabase {
        let queue = try DatabaseQueue()
        try migrator.migrate(queue)
        return AppDatabase(writer: queue, path: path, fileExists: false)
    }

    private static func prepareFolder(for location: DatabaseLocation, fileExists: Bool) throws(StoreError) {
        let folder = location.folder
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard location.isDefault else {
                throw StoreError(path: location.path, problem: .folderMissing(folder))
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(path: location.path, problem: .folderNotWritable(folder))
            }
        } else if !isDirectory.boolValue {
            throw StoreError(path: location.path, problem: .folderMissing(folder))
        }
        // WAL needs to create its -wal and -shm files beside the database.
        if access(folder, W_OK) != 0 || (fileExists && access(location.path, W_OK) != 0) {
            throw StoreError(path: location.path, problem: .folderNotWritable(folder))
        }
    }

    /// Refuses a file that is not SQLite before SQLite gets a chance to touch it.
    private static func requireSQLiteHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(path: path, problem: .sqlite("cannot be read"))
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        // An empty file is a database SQLite has not written yet.
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError(path: path, problem: .notSQLite)
        }
    }

    /// Refuses another program's database, a newer swingcache's, or (`checkingIntegrity`) a damaged file, while
    /// it is open read-only: opening it for writing would already switch it to WAL, set its pragmas and, on
    /// closing, checkpoint into it.
    private static func inspectBeforeWriting(_ path: String, checkingIntegrity: Bool) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let damage = try queue.read { db in
                try checkSchema(db, path: path, allowMissingMigrations: true)
                return checkingIntegrity ? try firstDamage(db) : nil
            }
            try queue.close()
            if let damage { throw StoreError(path: path, problem: .damaged(damage)) }
        } catch let error as StoreError {
            throw error
        } catch {
            // Not readable read-only (say, a WAL file without its -shm): the writer's own open reports what is
            // wrong, and checks the schema again before it migrates.
        }
    }

    private static func checkSchema(_ db: Database, path: String, allowMissingMigrations: Bool) throws {
        let hasMigrations = try db.tableExists("grdb_migrations")
        if !hasMigrations {
            let tableCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tableCount > 0 { throw StoreError(path: path, problem: .notASwingcacheDatabase) }
            return
        }
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(migrator.migrations).sorted()
        if !unknown.isEmpty { throw StoreError(path: path, problem: .newerSchema(unknownMigrations: unknown)) }
    }

    private static func problem(for error: DatabaseError) -> StoreError.Problem {
        switch error.resultCode {
        case .SQLITE_NOTADB: .notSQLite
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        case .SQLITE_CORRUPT: .damaged(error.message ?? "database disk image is malformed")
        case .SQLITE_FULL: .sqlite("the disk is full; free some space and try again (SQLite kept the file consistent)")
        case .SQLITE_IOERR: .sqlite("cannot be read or written (an I/O error); check the disk it is on")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: .sqlite(error.message ?? "cannot be opened for writing")
        default: .sqlite(error.message ?? "\(error.resultCode)")
        }
    }
}
