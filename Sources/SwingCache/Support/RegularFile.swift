import Foundation

/// Tells a regular file from what only looks like one by its path: a folder, a FIFO, a socket, a device.
///
/// Opening a FIFO blocks until something writes to it, so every file swingcache is given by path (a job spec,
/// an id file, a database) is checked here before it is opened.
///
/// ```swift
/// RegularFile.problem(at: "/dev/null")  // "it is a device, not a regular file"
/// ```
package enum RegularFile {
    /// Why `path` is not a regular file (following symbolic links), or nil when it is one; with `missingIsFine`,
    /// also nil when nothing is there (a database not created yet), though a symbolic-link loop is a problem.
    package static func problem(at path: String, missingIsFine: Bool = false) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT {
                // A link whose target is missing is not a missing file: writing through it would fail or land
                // somewhere unexpected.
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                    return "it is a symbolic link to '\(target)', which does not exist"
                }
                return missingIsFine ? nil : "no such file"
            }
            return String(cString: strerror(errno)).lowercased()
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder, not a file"
        case S_IFIFO: return "it is a named pipe (FIFO), not a regular file"
        case S_IFSOCK: return "it is a socket, not a regular file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a regular file"
        default: return "it is not a regular file"
        }
    }

    /// How many names (hard links) the file at `path` has, or nil when it cannot be read.
    package static func linkCount(at path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_nlink)
    }
}
