import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@testable import Runner

/// The backup folders swingcache writes for SwingMusic to restore: a user's listening history, kept from other users.
@Suite struct SwingMusicRestorerTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    @Test func aBackupInAFolderOfSwingcachesOwnIsReadableByItsOwnerAlone() throws {
        let restorer = SwingMusicRestorer(folder: folder.path, clock: ManualClock())
        let name = try restorer.write(SwingMusicRestorer.Backup())
        let manager = FileManager.default
        let folderMode = try manager.attributesOfItem(atPath: folder.file(name))[.posixPermissions] as? Int
        let fileMode = try manager.attributesOfItem(atPath: folder.file(name + "/data.json"))[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func onlyTheBackupsSwingcacheWroteAreLeftoversAndTheirPlaysAndPlaylistsAreRead() throws {
        let restorer = SwingMusicRestorer(folder: folder.path, clock: ManualClock())
        let ours = try restorer.write(
            SwingMusicRestorer.Backup(
                playlists: [
                    .init(
                        name: "Genre: rock", lastUpdated: "2026-12-01 12:00:00",
                        settings: Publisher.settings(marking: "genres:rock", in: nil, now: .testEpoch),
                        trackhashes: ["a"], extra: [:])
                ],
                scrobbles: [
                    .init(trackhash: "a", duration: 200, timestamp: 10, source: "tr:a", userid: 2, extra: [:])
                ]))
        try FileManager.default.createDirectory(atPath: folder.file("backup.1"), withIntermediateDirectories: true)
        try folder.write("backup.1/data.json", "{}")

        let leftovers = restorer.leftovers()

        #expect(leftovers.map(\.name) == [ours])
        #expect(leftovers.first?.plays == [.init(trackhash: "a", timestamp: 10, userid: 2)])
        #expect(leftovers.first?.playlistKeys == ["genres:rock"])
    }

    @Test(arguments: [
        (NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC)), true),
        (NSError(domain: NSPOSIXErrorDomain, code: Int(EFBIG)), true),
        (CocoaError(.fileWriteOutOfSpace) as NSError, true),
        (NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES)), false),
    ])
    func aWriteThatFoundNoRoomIsADiskThatIsFull(error: NSError, full: Bool) {
        #expect(SwingMusicRestorer.isDiskFull(error) == full)
    }
}
