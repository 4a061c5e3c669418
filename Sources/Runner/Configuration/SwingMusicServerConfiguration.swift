import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicAPI

/// How `swingcache publish` reaches SwingMusic's server: its URL, the account it publishes as, and the folder
/// SwingMusic restores backups from.
///
/// ```sh
/// SWINGMUSIC_URL=http://127.0.0.1:1970
/// SWINGMUSIC_USERNAME=admin
/// SWINGMUSIC_PASSWORD=...
/// SWINGMUSIC_BACKUP_DIR=/home/swingmusic/swingmusic.backup   # SwingMusic's ~/swingmusic.backup
/// ```
package struct SwingMusicServerConfiguration: Sendable {
    package static let keys = ["SWINGMUSIC_URL", "SWINGMUSIC_USERNAME", "SWINGMUSIC_PASSWORD", "SWINGMUSIC_BACKUP_DIR"]

    /// The URL and account; nil when none of the three is set.
    package var account: SwingMusicAccount?
    /// The `swingmusic.backup` folder in the home of the user SwingMusic runs as: a playlist description and an
    /// imported play can reach SwingMusic only through a backup it restores from there. Nil when not set.
    package var backupFolder: String?

    package init(account: SwingMusicAccount? = nil, backupFolder: String? = nil) {
        self.account = account
        self.backupFolder = backupFolder
    }

    /// The account, or a configuration error saying what to set.
    package func requireAccount() throws(ConfigurationError) -> SwingMusicAccount {
        guard let account else {
            throw ConfigurationError(
                "publishing needs SwingMusic's server and an account: set SWINGMUSIC_URL, SWINGMUSIC_USERNAME and SWINGMUSIC_PASSWORD (environment or config file)"
            )
        }
        return account
    }

    static func read(_ values: [String: String], environment: [String: String]) throws(ConfigurationError) -> Self {
        var configuration = SwingMusicServerConfiguration()
        let parts = [values["SWINGMUSIC_URL"], values["SWINGMUSIC_USERNAME"], values["SWINGMUSIC_PASSWORD"]]
        if parts.contains(where: { $0 != nil }) {
            guard let url = parts[0], let username = parts[1], let password = parts[2] else {
                let missing = zip(["SWINGMUSIC_URL", "SWINGMUSIC_USERNAME", "SWINGMUSIC_PASSWORD"], parts)
                    .filter { $0.1 == nil }.map(\.0)
                throw ConfigurationError(
                    "SWINGMUSIC_URL, SWINGMUSIC_USERNAME and SWINGMUSIC_PASSWORD must be set together; missing: \(missing.joined(separator: ", "))"
                )
            }
            configuration.account = SwingMusicAccount(
                url: try SwingCacheConfiguration.url(url, key: "SWINGMUSIC_URL"), username: username,
                password: password)
        }
        if let folder = values["SWINGMUSIC_BACKUP_DIR"] {
            let home = environment["HOME"] ?? ""
            configuration.backupFolder =
                (folder == "~" || folder.hasPrefix("~/")) && !home.isEmpty ? home + folder.dropFirst() : folder
        }
        return configuration
    }
}
