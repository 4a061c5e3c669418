import Foundation

/// How the reader opens SwingMusic's database so that nothing is left in SwingMusic's folder it cannot use.
///
/// A WAL database read with no `-wal`/`-shm` beside it (SwingMusic stopped, its database checkpointed) makes
/// SQLite create both. SQLite gives them the database file's mode, and, when it runs as root, its owner; any other
/// reader owns them itself, and SwingMusic then fails to write its own database ("attempt to write a readonly
/// database"). So a reader that is neither root nor the file's owner reads such a database through a private
/// snapshot instead, and creates nothing in SwingMusic's folder.
///
/// ```swift
/// SwingMusicDatabaseAccess.decide(for: .init(databasePath: "/config/swingmusic/swingmusic.db"))   // .inPlace
/// ```
package enum SwingMusicDatabaseAccess: String, Hashable, Sendable {
    /// The file itself, read-only: either nothing needs creating, or what SQLite creates is SwingMusic's own.
    case inPlace = "in place"
    /// A consistent copy of the database (and its `-wal`) in a private temporary folder.
    case snapshot

    /// What the decision depends on.
    package struct FileState: Hashable, Sendable {
        /// The reader's effective user id.
        package var readerUserID: UInt32
        /// The database file's owner.
        package var ownerUserID: UInt32
        package var walExists: Bool
        package var sharedMemoryExists: Bool

        package init(readerUserID: UInt32, ownerUserID: UInt32, walExists: Bool, sharedMemoryExists: Bool) {
            self.readerUserID = readerUserID
            self.ownerUserID = ownerUserID
            self.walExists = walExists
            self.sharedMemoryExists = sharedMemoryExists
        }

        /// The state of the database at `databasePath` for the running process.
        package init(databasePath: String) {
            var status = stat()
            let owner = stat(databasePath, &status) == 0 ? status.st_uid : geteuid()
            self.init(
                readerUserID: geteuid(), ownerUserID: owner,
                walExists: FileManager.default.fileExists(atPath: databasePath + "-wal"),
                sharedMemoryExists: FileManager.default.fileExists(atPath: databasePath + "-shm"))
        }
    }

    package static func decide(for state: FileState) -> SwingMusicDatabaseAccess {
        if state.walExists && state.sharedMemoryExists { return .inPlace }
        if state.readerUserID == 0 || state.readerUserID == state.ownerUserID { return .inPlace }
        return .snapshot
    }
}
