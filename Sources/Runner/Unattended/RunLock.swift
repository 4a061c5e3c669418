import Foundation

/// One warm-up per database at a time: an exclusive `flock` on `DATABASE.lock`, holding who took it.
///
/// The kernel releases the lock when its holder dies, however it dies, so a lock left by a dead process is
/// simply taken by the next run: nothing waits on a stale lock, and there is no timeout to tune.
///
/// The lock file sits beside the database's real path, symbolic links resolved (as SQLite places its `-wal`),
/// so every path to one file shares one lock. A second hard link is refused before the lock is taken
/// (`AppDatabase.prepareToWrite`): SQLite keeps a journal per name, which no lock can make safe.
package final class RunLock {
    /// Who holds the lock, as written in the lock file.
    package struct Holder: Codable, Sendable, Equatable, CustomStringConvertible {
        package var pid: Int32
        package var host: String
        package var since: Date

        package var description: String {
            "pid \(pid) on \(host), since \(ISO8601DateFormatter().string(from: since))"
        }
    }

    package enum Failure: Error, Sendable, CustomStringConvertible {
        case heldByAnotherRun(Holder?)
        case cannotOpen(path: String, reason: String)

        package var description: String {
            switch self {
            case .heldByAnotherRun(let holder):
                "another run holds the lock on this database (\(holder.map(\.description) ?? "holder unknown")); try again when it ends"
            case .cannotOpen(let path, let reason): "cannot open the lock file '\(path)': \(reason)"
            }
        }
    }

    package let path: String
    private let descriptor: Int32

    /// Takes the lock for the database at `databasePath`, or fails at once naming the holder.
    package init(databasePath: String, now: Date) throws(Failure) {
        path = Self.realPath(of: databasePath) + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.awaitHolder(descriptor)
            close(descriptor)
            throw .heldByAnotherRun(holder)
        }
        self.descriptor = descriptor
        let holder = Holder(pid: getpid(), host: ProcessInfo.processInfo.hostName, since: now)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(holder)) ?? Data()
        _ = ftruncate(descriptor, 0)
        _ = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The path with every symbolic link resolved; for a database not created yet, its folder's.
    static func realPath(of path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard let resolvedFolder = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(resolvedFolder) }
        return (String(cString: resolvedFolder) as NSString).appendingPathComponent(
            (path as NSString).lastPathComponent)
    }

    /// The holder's note; a run that took the lock an instant ago writes it right after, so an empty note is
    /// read again for a few milliseconds before the holder is called unknown.
    private static func awaitHolder(_ descriptor: Int32) -> Holder? {
        for _ in 0..<50 {
            if let holder = readHolder(descriptor) { return holder }
            usleep(2_000)
        }
        return nil
    }

    private static func readHolder(_ descriptor: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Holder.self, from: Data(buffer[0..<count]))
    }
}
