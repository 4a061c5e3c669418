import Foundation
import SwingCache

/// Why the SwingMusic library cannot be read. Each names the file, and what was missing.
package struct SwingMusicLibraryError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Problem: Equatable, Sendable {
        /// No database at any of these paths (one, when the path was given explicitly).
        case notFound(tried: [String])
        case notSQLite
        /// A FIFO, a socket, a device or a folder: the reason says which.
        case notARegularFile(String)
        /// The path given is a folder; `suggestion` is the database inside it, when it holds one.
        case folder(suggestion: String?)
        /// Another program (SwingMusic itself) kept the database locked for writing longer than the busy timeout.
        case busy
        /// SQLite found the file damaged or cut short; what it said.
        case damaged(String)
        case missingTable(String)
        case missingColumns(table: String, columns: [String])
        /// No user by that name; `known` lists the names there are.
        case unknownUser(String, known: [String])
        /// SwingMusic's `settings.json` (the `path`) is there but is not a JSON object.
        case malformedSettings
        /// SwingMusic's `settings.json` (the `path`) is there but cannot be read; the denial says why, when a
        /// permission is the reason.
        case unreadableSettings(ReadAccessDenial?)
        /// The file, or a folder on the way to it, does not let swingcache's user read it.
        case permissionDenied(ReadAccessDenial)
        case sqlite(String)
    }

    /// The database file; nil when none was found.
    package var path: String?
    package var problem: Problem

    package init(path: String?, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    package var description: String {
        let file = "SwingMusic database '\(path ?? "")'"
        switch problem {
        case .notFound(let tried) where tried.count == 1:
            return "SwingMusic database '\(tried[0])' does not exist"
        case .notFound(let tried):
            let list = tried.map { "'\($0)'" }.joined(separator: ", ")
            return
                "no SwingMusic database found (looked for \(list)); give its path as library.swingmusic_db in the job spec, or set SWINGMUSIC_CONFIG_DIR in the environment (as SwingMusic reads it) to the folder that holds swingmusic/swingmusic.db"
        case .notSQLite:
            return "\(file) is not an SQLite database"
        case .folder(let suggestion?):
            return
                "SwingMusic database '\(path ?? "")' is a folder, not a file: did you mean '\(suggestion)'? (give library.swingmusic_db the path of swingmusic.db)"
        case .folder(nil):
            return
                "SwingMusic database '\(path ?? "")' is a folder, not a file, and holds no swingmusic.db: give library.swingmusic_db the path of SwingMusic's swingmusic.db"
        case .busy:
            return
                "SwingMusic's database '\(path ?? "")' is busy (another program is writing it); try again later"
        case .damaged(let message):
            return
                "\(file) is not a SwingMusic database SQLite can read (damaged or truncated: \(message)); check that library.swingmusic_db names SwingMusic's swingmusic.db, or restore it from a backup or let SwingMusic rebuild it"
        case .notARegularFile(let reason):
            return "\(file) cannot be read: \(reason) (give library.swingmusic_db the path of swingmusic.db)"
        case .missingTable(let table):
            return "\(file) has no table '\(table)': is it a SwingMusic library?"
        case .missingColumns(let table, let columns):
            let list = columns.map { "'\($0)'" }.joined(separator: ", ")
            let noun = columns.count == 1 ? "column" : "columns"
            return
                "\(file): table '\(table)' has no \(noun) \(list), which swingcache reads (an unsupported SwingMusic version?)"
        case .unknownUser(let name, let known):
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            return "\(file) has no user '\(name)' (its users: \(list))"
        case .malformedSettings:
            return "SwingMusic settings '\(path ?? "")' is not a JSON object: fix it or let SwingMusic write it again"
        case .unreadableSettings(let denial?):
            return "SwingMusic settings '\(path ?? "")' cannot be read: \(denial); \(denial.remedy)"
        case .unreadableSettings(nil):
            return "SwingMusic settings '\(path ?? "")' cannot be read: let swingcache's user read it"
        case .permissionDenied(let denial):
            return "\(file) cannot be read: \(denial); \(denial.remedy)"
        case .sqlite(let message):
            return "\(file): \(message)"
        }
    }
}
