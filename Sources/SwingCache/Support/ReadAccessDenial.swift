import Foundation

/// Why the running process may not read a file: the first folder on the way it may not enter, or the file itself.
///
/// "Cannot be read" leaves a person guessing which of five folders to fix; this names the one that refuses, its
/// owner, group and mode, and the user swingcache runs as, and says how to grant read access without write access.
///
/// ```swift
/// ReadAccessDenial.find(for: "/srv/swingmusic/swingmusic.db")?.description
/// // "permission denied on folder '/srv/swingmusic' (owner swingmusic, group swingmusic, mode 700) for user swingcache"
/// ```
package struct ReadAccessDenial: Equatable, Sendable {
    /// The folder or file that refuses.
    package var path: String
    package var isFolder: Bool
    package var owner: String
    package var group: String
    /// The permission bits, `0o700` for `drwx------`.
    package var mode: Int
    /// The user swingcache runs as.
    package var user: String

    package init(path: String, isFolder: Bool, owner: String, group: String, mode: Int, user: String) {
        self.path = path
        self.isFolder = isFolder
        self.owner = owner
        self.group = group
        self.mode = mode
        self.user = user
    }

    /// The reason the running process cannot read `path`, or nil when it can (or when it fails for another
    /// reason, such as the file not existing).
    package static func find(for path: String) -> ReadAccessDenial? {
        let absolute =
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var folder = ""
        for component in absolute.split(separator: "/").dropLast() {
            folder += "/" + component
            if access(folder, X_OK) != 0 {
                return errno == EACCES ? denial(at: folder, isFolder: true) : nil
            }
        }
        if access(absolute, R_OK) != 0 && errno == EACCES {
            return denial(at: absolute, isFolder: false)
        }
        return nil
    }

    private static func denial(at path: String, isFolder: Bool) -> ReadAccessDenial? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return ReadAccessDenial(
            path: path, isFolder: isFolder, owner: userName(status.st_uid), group: groupName(status.st_gid),
            mode: Int(status.st_mode) & 0o7777, user: userName(geteuid()))
    }

    private static func userName(_ id: uid_t) -> String {
        guard let entry = getpwuid(id), let name = entry.pointee.pw_name else { return "uid \(id)" }
        return String(cString: name)
    }

    private static func groupName(_ id: gid_t) -> String {
        guard let entry = getgrgid(id), let name = entry.pointee.gr_name else { return "gid \(id)" }
        return String(cString: name)
    }
}

extension ReadAccessDenial: CustomStringConvertible {
    package var description: String {
        let kind = isFolder ? "folder" : "file"
        return
            "permission denied on \(kind) '\(path)' (owner \(owner), group \(group), mode \(String(mode, radix: 8))) for user \(user)"
    }

    /// How to let ``user`` read, never write: a folder needs `x` to be passed through, a file `r`.
    package var remedy: String {
        let bits = isFolder ? "rx" : "r"
        return
            "give \(user) read access without write access: setfacl -m u:\(user):\(bits) '\(path)', or add \(user) to the group \(group) and chmod g+\(bits) '\(path)'"
    }
}
