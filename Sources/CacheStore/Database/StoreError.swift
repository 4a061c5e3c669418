import Foundation

/// Why the cache database cannot be used. Each names the path the user gave.
package struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Problem: Sendable, Equatable {
        case folderMissing(String)
        case folderNotWritable(String)
        /// A FIFO, a socket, a device or a folder: the reason says which.
        case notARegularFile(String)
        /// The file has more than one name: SQLite keeps a journal beside each name, so a second one corrupts it.
        case hardLinked(names: Int)
        /// Another process held a write lock on the database longer than the busy timeout: try later.
        case busy
        /// SQLite found the file damaged; the first problem it named.
        case damaged(String)
        case notSQLite
        case notASwingcacheDatabase
        case newerSchema(unknownMigrations: [String])
        case sqlite(String)
    }

    package var path: String
    package var problem: Problem

    package init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    package var description: String {
        let quoted = "'\(path)'"
        switch problem {
        case .folderMissing(let folder):
            return "database \(quoted): folder '\(folder)' does not exist (create it, or choose another path with --db)"
        case .folderNotWritable(let folder):
            return "database \(quoted): cannot write in folder '\(folder)' (choose another path with --db)"
        case .notARegularFile(let reason):
            return "database \(quoted) cannot be used: \(reason) (point --db or SWINGCACHE_DB at a database file)"
        case .hardLinked(let names):
            return
                "database \(quoted) has \(names) hard links; SQLite keeps its journal beside each name, so writing through two names corrupts it: keep one name (remove the other links) and use it everywhere"
        case .damaged(let finding):
            return
                "database \(quoted) is damaged (SQLite: \(finding)); swingcache will not write into it: move it aside (mv \(quoted) \(quoted.dropLast()).damaged') so the next run starts a fresh cache and fetches again, or salvage it with: sqlite3 \(quoted) .recover | sqlite3 fresh.sqlite"
        case .busy:
            return
                "database \(quoted) is busy: another swingcache process kept it locked for writing; try again when it ends"
        case .notSQLite:
            return "database \(quoted) is not an SQLite database (is --db pointing at the right file?)"
        case .notASwingcacheDatabase:
            return "database \(quoted) is an SQLite database of another program; swingcache will not write into it"
        case .newerSchema(let unknown):
            return
                "database \(quoted) was written by a newer swingcache (schema \(unknown.joined(separator: ", "))); upgrade swingcache to use it"
        case .sqlite(let message):
            return "database \(quoted): \(message)"
        }
    }
}
