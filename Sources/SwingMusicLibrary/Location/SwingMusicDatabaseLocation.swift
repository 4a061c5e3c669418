import Foundation
import SwingCache

/// Where SwingMusic keeps its database, `swingmusic.db`.
///
/// ```swift
/// let location = try SwingMusicDatabaseLocation.resolve(explicitPath: nil)
/// let library = try SwingMusicLibrary.open(location)
/// ```
///
/// SwingMusic puts its folder `swingmusic` in the first of `$SWINGMUSIC_CONFIG_DIR`, `$XDG_CONFIG_HOME`,
/// `~/.config` (when it exists), and names it `.swingmusic` when it falls back to the home folder. The Docker
/// image sets `SWINGMUSIC_CONFIG_DIR=/config`, so its database is `/config/swingmusic/swingmusic.db`.
/// `$SWINGMUSIC_CONFIG_DIR/swingmusic.db` is also tried, for a variable that names the inner folder itself.
package struct SwingMusicDatabaseLocation: Hashable, Sendable {
    package var path: String

    package init(path: String) {
        self.path = path
    }

    /// SwingMusic's config folder: the one that holds the database, `settings.json` and `artist_split_ignore.txt`.
    package var folder: String { (path as NSString).deletingLastPathComponent }

    /// The paths looked at, in order, when none is given.
    package static func candidates(environment: [String: String], homeDirectory: String) -> [String] {
        func variable(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value.hasSuffix("/") && value.count > 1 ? String(value.dropLast()) : value
        }
        var paths: [String] = []
        if let configDirectory = variable("SWINGMUSIC_CONFIG_DIR") {
            paths.append(configDirectory + "/swingmusic/swingmusic.db")
            paths.append(configDirectory + "/swingmusic.db")
        }
        if let configHome = variable("XDG_CONFIG_HOME") {
            paths.append(configHome + "/swingmusic/swingmusic.db")
        }
        paths.append(homeDirectory + "/.config/swingmusic/swingmusic.db")
        paths.append(homeDirectory + "/.swingmusic/swingmusic.db")
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    /// `explicitPath` when given (it must exist), else the first candidate that exists.
    package static func resolve(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = NSHomeDirectory()
    ) throws(SwingMusicLibraryError) -> SwingMusicDatabaseLocation {
        let tried =
            if let explicitPath, !explicitPath.isEmpty {
                [explicitPath]
            } else {
                candidates(environment: environment, homeDirectory: homeDirectory)
            }
        for path in tried where isFile(path) {
            return SwingMusicDatabaseLocation(path: path)
        }
        if let explicitPath, isFolder(explicitPath) {
            let inside = ["swingmusic.db", "swingmusic/swingmusic.db"].map {
                (explicitPath.hasSuffix("/") ? explicitPath : explicitPath + "/") + $0
            }
            throw SwingMusicLibraryError(path: explicitPath, problem: .folder(suggestion: inside.first(where: isFile)))
        }
        // A folder swingcache's user may not enter hides what is in it: name it rather than "not found".
        for path in tried {
            if let denial = ReadAccessDenial.find(for: path) {
                throw SwingMusicLibraryError(path: path, problem: .permissionDenied(denial))
            }
        }
        throw SwingMusicLibraryError(path: nil, problem: .notFound(tried: tried))
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
