import Foundation

/// A private copy of a database whose server is not running, for a reader that must create nothing beside it.
///
/// The database and its `-wal`, when there is one, are copied into a new temporary folder that only this process
/// can enter; the copy is kept when no file changed while it was made (size and modification time), else made
/// again, at most a few times. The folder is removed when the snapshot is released.
final class DatabaseSnapshot: Sendable {
    let folder: String
    let path: String

    init(of source: String, attempts: Int = 5) throws {
        let fileManager = FileManager.default
        folder =
            fileManager.temporaryDirectory.appendingPathComponent("swingcache-swingmusic-\(UUID().uuidString)")
            .path
        path = folder + "/swingmusic.db"
        try fileManager.createDirectory(
            atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        for _ in 0..<attempts {
            let before = Self.state(of: source)
            for suffix in ["", "-wal"] where fileManager.fileExists(atPath: source + suffix) {
                try? fileManager.removeItem(atPath: path + suffix)
                try fileManager.copyItem(atPath: source + suffix, toPath: path + suffix)
            }
            if Self.state(of: source) == before { return }
        }
        throw SwingMusicLibraryError(path: source, problem: .sqlite("kept changing while a snapshot of it was made"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Size and modification time of the database, its `-wal` and its `-shm`.
    private static func state(of source: String) -> [String] {
        ["", "-wal", "-shm"].map { suffix in
            var status = stat()
            guard stat(source + suffix, &status) == 0 else { return "absent" }
            return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
    }
}
