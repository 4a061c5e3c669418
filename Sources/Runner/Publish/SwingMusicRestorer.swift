import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicAPI

/// Hands SwingMusic what only its backup restore takes in — a playlist's description, another user's plays — as a
/// backup folder of its own in SwingMusic's `swingmusic.backup`, which `POST /backup/restore` then reads.
///
/// SwingMusic adds from a backup the playlists whose names the account lacks and the plays whose song and time it
/// lacks, so a restore never replaces what is there. The folder is removed once SwingMusic has read it.
///
/// A backup holds a user's listening history: its folder is the owner's alone (`0700`, `data.json` `0600`), or also
/// its group's when the backup directory belongs to another user (SwingMusic's, which must read it). Each carries a
/// ``markerFile``, so one left by a publish that was killed is removed by the next — and never a backup swingcache
/// did not write.
struct SwingMusicRestorer {
    /// The file in each backup folder swingcache writes, and only in those.
    static let markerFile = ".written-by-swingcache"

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
            let shared = try sharedWithGroup()
            try manager.createDirectory(
                atPath: path, withIntermediateDirectories: false,
                attributes: [.posixPermissions: shared ? 0o750 : 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(backup)
            let mode = shared ? 0o640 : 0o600
            for (file, contents) in [(Self.markerFile, Data()), ("data.json", data)] {
                // Made empty with its mode first, then written through a handle: a write that fails says why.
                guard
                    manager.createFile(atPath: "\(path)/\(file)", contents: nil, attributes: [.posixPermissions: mode])
                else { throw CocoaError(.fileWriteNoPermission) }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(path)/\(file)"))
                defer { try? handle.close() }
                try handle.write(contentsOf: contents)
                try handle.synchronize()
            }
        } catch {
            try? manager.removeItem(atPath: path)
            if Self.isDiskFull(error) {
                throw PublishFailure(
                    .configuration,
                    "SWINGMUSIC_BACKUP_DIR '\(folder)': the disk is full, so no backup for SwingMusic fits there; free some space and publish again"
                )
            }
            throw PublishFailure(
                .configuration,
                "cannot write a backup for SwingMusic in SWINGMUSIC_BACKUP_DIR '\(folder)': \(error.localizedDescription)"
            )
        }
        return name
    }

    /// Whether `error` is a write that found no room: a full disk, or a file-size limit (`ulimit -f`).
    static func isDiskFull(_ error: any Error) -> Bool {
        if let cocoa = error as? CocoaError, cocoa.code == .fileWriteOutOfSpace { return true }
        let posix = error as NSError
        let codes = [Int(ENOSPC), Int(EFBIG), Int(EDQUOT)]
        if posix.domain == NSPOSIXErrorDomain, codes.contains(posix.code) { return true }
        guard let underlying = posix.userInfo[NSUnderlyingErrorKey] as? NSError else { return false }
        return underlying.domain == NSPOSIXErrorDomain && codes.contains(underlying.code)
    }

    /// Removes the backup `name` once SwingMusic has read it.
    func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
    }

    /// What a backup left by a publish that was stopped before it could remove it asked SwingMusic to add.
    struct Leftover {
        struct Play: Decodable, Hashable {
            var trackhash: String
            var timestamp: Int
            var userid: Int
        }

        var name: String
        var plays: [Play]
        /// The keys of swingcache's markers on its playlists.
        var playlistKeys: [String]
    }

    /// The backups a publish that was stopped left behind: the folders that hold ``markerFile``, oldest first.
    func leftovers() -> [Leftover] {
        struct Contents: Decodable {
            struct Playlist: Decodable {
                var settings: [String: JSONValue]?
            }

            var scrobbles: [Leftover.Play]?
            var playlists: [Playlist]?
        }
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { manager.fileExists(atPath: "\(folder)/\($0)/\(Self.markerFile)") }.sorted().map {
            name in
            let data = manager.contents(atPath: "\(folder)/\(name)/data.json") ?? Data()
            let contents = try? JSONDecoder().decode(Contents.self, from: data)
            return Leftover(
                name: name, plays: contents?.scrobbles ?? [],
                playlistKeys: (contents?.playlists ?? []).compactMap {
                    $0.settings?[Publisher.markerKey]?["key"]?.stringValue
                })
        }
    }

    /// Whether SwingMusic reads the backups as another user than swingcache runs as (the backup directory is not
    /// swingcache's own): its group may then read them too.
    private func sharedWithGroup() throws -> Bool {
        let owner = try FileManager.default.attributesOfItem(atPath: folder)[.ownerAccountID] as? NSNumber
        return owner.map { $0.uint32Value != getuid() } ?? true
    }

    private func createFolder(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }
}

extension SwingMusicSession {
    /// What one restore came to.
    enum Restore {
        case restored
        /// No answer came (or a 5xx): SwingMusic may have restored all of the backup, part of it or none, and may
        /// still be at it. What it was to change must be read back; the backup is not sent again.
        case effectUnknown(String)
    }

    /// Has SwingMusic restore the backup `name` written by `restorer`, and removes it after — also when no answer
    /// came, so a restore SwingMusic has not begun yet finds nothing to read.
    mutating func restore(_ name: String, restorer: SwingMusicRestorer) async throws -> Restore {
        defer { restorer.remove(name) }
        let answer: SwingMusicAnswer
        switch try await send(.restoreBackup(named: name)) {
        case .answered(let answered): answer = answered
        case .effectUnknown(let reason): return .effectUnknown(reason)
        }
        switch answer {
        case .ok: return .restored
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
