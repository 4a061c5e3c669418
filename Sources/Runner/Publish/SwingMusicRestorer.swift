import EnrichmentAPI
import Foundation
import SwingCache

/// Hands SwingMusic what only its backup restore takes in — a playlist's description, another user's plays — as a
/// backup folder of its own in SwingMusic's `swingmusic.backup`, which `POST /backup/restore` then reads.
///
/// SwingMusic adds from a backup the playlists whose names the account lacks and the plays whose song and time it
/// lacks, so a restore never replaces what is there. The folder is removed once SwingMusic has read it.
struct SwingMusicRestorer {
    let folder: String
    let clock: any RunClock

    struct Backup: Encodable {
        var favorites: [String] = []
        var playlists: [Playlist] = []
        var scrobbles: [Play] = []
        var collections: [String] = []
    }

    struct Playlist: Encodable {
        var name: String
        var lastUpdated: String
        var settings: [String: JSONValue]
        var trackhashes: [String]
        var extra: [String: String]

        enum CodingKeys: String, CodingKey {
            case name, image, settings, trackhashes, extra
            case lastUpdated = "last_updated"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encodeNil(forKey: .image)
            try container.encode(lastUpdated, forKey: .lastUpdated)
            try container.encode(settings, forKey: .settings)
            try container.encode(trackhashes, forKey: .trackhashes)
            try container.encode(extra, forKey: .extra)
        }
    }

    struct Play: Encodable {
        var trackhash: String
        var duration: Int
        var timestamp: Int
        var source: String
        var userid: Int
        var extra: [String: JSONValue]
    }

    /// Writes `backup` as `backup.<unix time>/data.json` (a later second if that name is taken) and returns the name.
    func write(_ backup: Backup) throws(PublishFailure) -> String {
        var seconds = Int(clock.now().timeIntervalSince1970)
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder) || (try? createFolder(folder)) != nil,
            manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw PublishFailure(
                .configuration,
                "SWINGMUSIC_BACKUP_DIR '\(folder)' is not a folder swingcache can create or use (it should be SwingMusic's ~/swingmusic.backup)"
            )
        }
        while manager.fileExists(atPath: "\(folder)/backup.\(seconds)") { seconds += 1 }
        let name = "backup.\(seconds)"
        let path = "\(folder)/\(name)"
        do {
            try createFolder(path)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(backup)
            guard
                manager.createFile(atPath: "\(path)/data.json", contents: data, attributes: [.posixPermissions: 0o644])
            else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? manager.removeItem(atPath: path)
            throw PublishFailure(
                .configuration,
                "cannot write a backup for SwingMusic in SWINGMUSIC_BACKUP_DIR '\(folder)': \(error.localizedDescription)"
            )
        }
        return name
    }

    /// Removes the backup `name` once SwingMusic has read it.
    func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
    }

    private func createFolder(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }
}

extension SwingMusicSession {
    /// Has SwingMusic restore the backup `name` written by `restorer`, and removes it after.
    mutating func restore(_ name: String, restorer: SwingMusicRestorer) async throws {
        defer { restorer.remove(name) }
        let answer = try await call(.restoreBackup(named: name))
        switch answer {
        case .ok: return
        case .notFound:
            throw PublishFailure(
                .configuration,
                "SwingMusic found no backup '\(name)': SWINGMUSIC_BACKUP_DIR ('\(restorer.folder)') must be the swingmusic.backup folder in the home of the user SwingMusic runs as"
            )
        case .forbidden:
            throw PublishFailure(
                .configuration,
                "SwingMusic lets only an admin restore a backup; '\(client.account.username)' is not one")
        default:
            throw PublishFailure(.unavailable, "SwingMusic could not restore the backup '\(name)': \(answer)")
        }
    }
}
