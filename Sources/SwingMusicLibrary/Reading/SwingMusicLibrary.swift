import Foundation
import GRDB
import SwingCache

/// Reads a SwingMusic library database, never writing to it, and shows its tracks as SwingMusic does.
///
/// ```swift
/// let library = try SwingMusicLibrary.open(try SwingMusicDatabaseLocation.resolve(explicitPath: nil))
/// try await library.forEachTrackBatch { tracks in … }
/// let plays = try library.localPlays(user: "admin")
/// ```
///
/// The file is opened read-only (`SQLITE_OPEN_READONLY`, and `PRAGMA query_only` on top): no write, no
/// migration, no change of journal mode. SwingMusic keeps the database in WAL mode, so this reader runs beside
/// the live server while it writes; each read sees one committed state. Nothing is left in SwingMusic's folder that
/// SwingMusic could not use: see ``SwingMusicDatabaseAccess``. The rules for titles and artists come from the
/// `settings.json` and `artist_split_ignore.txt` beside the database (``SwingMusicSettings``).
package final class SwingMusicLibrary: Sendable {
    package let path: String
    package let rules: SwingMusicRules
    /// How the file was opened: in place, or through a private snapshot.
    package let access: SwingMusicDatabaseAccess
    let reader: DatabaseQueue
    /// Kept while the reader reads a snapshot: its folder goes when the library does.
    private let snapshot: DatabaseSnapshot?

    /// The `track` columns the reader needs.
    static let trackColumns = ["id", "filepath", "title", "artists", "albumartists", "album", "duration", "extra"]

    private init(
        path: String, reader: DatabaseQueue, rules: SwingMusicRules, access: SwingMusicDatabaseAccess,
        snapshot: DatabaseSnapshot?
    ) {
        self.path = path
        self.reader = reader
        self.rules = rules
        self.access = access
        self.snapshot = snapshot
    }

    /// Opens the database at `location` and checks it has the tables and columns the reader needs.
    ///
    /// `rules` nil: SwingMusic's own, read from the settings in the database's folder. `access` nil: as
    /// ``SwingMusicDatabaseAccess/decide(for:)`` decides for the file and the running process. `busyTimeout`: how
    /// long a read waits for SwingMusic's writer to let go of the file before it is ``SwingMusicLibraryError/Problem/busy``.
    package static func open(
        _ location: SwingMusicDatabaseLocation, rules: SwingMusicRules? = nil, access: SwingMusicDatabaseAccess? = nil,
        busyTimeout: TimeInterval = 10
    ) throws(SwingMusicLibraryError) -> SwingMusicLibrary {
        let path = location.path
        guard FileManager.default.fileExists(atPath: path) else {
            // A folder on the way that swingcache's user may not enter hides the file: say so, not "does not exist".
            if let denial = ReadAccessDenial.find(for: path) {
                throw SwingMusicLibraryError(path: path, problem: .permissionDenied(denial))
            }
            throw SwingMusicLibraryError(path: nil, problem: .notFound(tried: [path]))
        }
        // Opening a FIFO blocks until something writes to it.
        if let reason = RegularFile.problem(at: path) {
            throw SwingMusicLibraryError(path: path, problem: .notARegularFile(reason))
        }
        try requireSQLiteHeader(path)
        let rules =
            if let rules { rules } else { SwingMusicRules(try SwingMusicSettings.read(folder: location.folder)) }
        let access = access ?? .decide(for: SwingMusicDatabaseAccess.FileState(databasePath: path))
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "SwingMusicLibrary"
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        let library = try run(path: path) {
            let snapshot = access == .snapshot ? try DatabaseSnapshot(of: path) : nil
            return SwingMusicLibrary(
                path: path, reader: try DatabaseQueue(path: snapshot?.path ?? path, configuration: configuration),
                rules: rules, access: access, snapshot: snapshot)
        }
        try library.read { db in try requireColumns(trackColumns, in: "track", db: db, path: path) }
        return library
    }

    /// Runs `body` in one read transaction, turning SQLite's errors into ``SwingMusicLibraryError``s.
    func read<T>(_ body: (Database) throws -> T) throws(SwingMusicLibraryError) -> T {
        try Self.run(path: path) { try reader.read(body) }
    }

    static func run<T>(path: String, _ body: () throws -> T) throws(SwingMusicLibraryError) -> T {
        do {
            return try body()
        } catch let error as SwingMusicLibraryError {
            throw error
        } catch let error as DatabaseError {
            throw SwingMusicLibraryError(path: path, problem: problem(for: error))
        } catch {
            throw SwingMusicLibraryError(path: path, problem: .sqlite("\(error)"))
        }
    }

    /// What an SQLite error met while opening or reading the database means for a person.
    package static func problem(for error: DatabaseError) -> SwingMusicLibraryError.Problem {
        switch error.resultCode {
        // The file starts as SQLite's do (checked before it is opened): SQLite's "not a database" is damage.
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .damaged(error.message ?? "database disk image is malformed")
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        default: .sqlite(error.message ?? "\(error.resultCode)")
        }
    }

    static func requireColumns(_ needed: [String], in table: String, db: Database, path: String) throws {
        guard try db.tableExists(table) else {
            throw SwingMusicLibraryError(path: path, problem: .missingTable(table))
        }
        let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
        let missing = needed.filter { !present.contains($0) }
        if !missing.isEmpty {
            throw SwingMusicLibraryError(path: path, problem: .missingColumns(table: table, columns: missing))
        }
    }

    /// Refuses a file that is not SQLite before SQLite reads it; an empty file is an empty database.
    private static func requireSQLiteHeader(_ path: String) throws(SwingMusicLibraryError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = String(cString: strerror(errno)).lowercased()
            if let denial = ReadAccessDenial.find(for: path) {
                throw SwingMusicLibraryError(path: path, problem: .permissionDenied(denial))
            }
            throw SwingMusicLibraryError(path: path, problem: .sqlite("cannot be read: \(reason)"))
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
            throw SwingMusicLibraryError(path: path, problem: .notSQLite)
        }
    }
}
