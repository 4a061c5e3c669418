import Foundation

/// Where the cache database lives: `--db`, then `SWINGCACHE_DB`, then `$XDG_DATA_HOME/swingcache/cache.sqlite`
/// (falling back to `~/.local/share/swingcache/cache.sqlite`).
package struct DatabaseLocation: Hashable, Sendable {
    package var path: String
    /// Whether the path is the built-in default, whose folder swingcache may create.
    package var isDefault: Bool

    package init(path: String, isDefault: Bool = false) {
        self.path = path
        self.isDefault = isDefault
    }

    package static func resolve(flag: String?, environment: [String: String]) -> DatabaseLocation {
        if let flag, !flag.isEmpty { return DatabaseLocation(path: flag) }
        if let fromEnvironment = environment["SWINGCACHE_DB"], !fromEnvironment.isEmpty {
            return DatabaseLocation(path: fromEnvironment)
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return DatabaseLocation(path: dataHome + "/swingcache/cache.sqlite", isDefault: true)
    }

    package var folder: String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}
