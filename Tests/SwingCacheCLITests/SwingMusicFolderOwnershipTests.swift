import Foundation
import SwingCacheTestKit
import Testing

/// The promise "never a write" holds for the owners and modes of SwingMusic's files, whoever runs swingcache.
@Suite struct SwingMusicFolderOwnershipTests {
    static let swingMusicUser: UInt32 = 4242
    static let otherUser: UInt32 = 65534

    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv to run swingcache as another user"))
    func aPlanRunAsAnotherUserLeavesSwingMusicsCheckpointedFolderByteForByteAsItWas() async throws {
        let folder = try TemporaryDirectory()
        let swingMusic = try SwingMusicLibraryBuilder(in: folder, name: "swingmusic/swingmusic.db")
        try swingMusic.addTracks([
            SwingMusicTrackRow(filepath: "/music/a.flac", title: "First"),
            SwingMusicTrackRow(filepath: "/music/b.flac", title: "Second"),
        ])
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 2)
        // SwingMusic stopped: its database is checkpointed, no -wal or -shm beside it.
        try swingMusic.close()
        let swingMusicFolder = folder.file("swingmusic")
        try folder.write("swingmusic/settings.json", #"{"artistSeparators": [";", "/"]}"#)
        for name in ["swingmusic.db", "settings.json"] {
            #expect(chown(swingMusicFolder + "/" + name, Self.swingMusicUser, Self.swingMusicUser) == 0)
            #expect(chmod(swingMusicFolder + "/" + name, 0o644) == 0)
        }
        // A folder anyone may write to: a careless reader could leave its own files there.
        #expect(chmod(swingMusicFolder, 0o777) == 0)
        try folder.write(
            "jobs.yaml",
            """
            name: library
            library:
              swingmusic_db: \(swingMusic.path)
            """)
        let before = try FolderListing(swingMusicFolder)
        #expect(before.names == ["settings.json", "swingmusic.db"])

        let plan = try await CommandLineRun.swingcache(
            ["plan", "jobs.yaml"], in: folder.path, environment: ["SWINGCACHE_DB": folder.file("none/cache.sqlite")],
            asUser: Self.otherUser)

        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardOutput.contains("2 files"), "\(plan.standardOutput)")
        #expect(try FolderListing(swingMusicFolder) == before)
    }

    /// A SwingMusic folder owned by `swingMusicUser` with `mode`, holding a database of one track and a job naming it.
    func libraryOwnedByAnotherUser(folderMode: mode_t, databaseMode: mode_t) throws -> (TemporaryDirectory, String) {
        let folder = try TemporaryDirectory()
        let swingMusic = try SwingMusicLibraryBuilder(in: folder, name: "swingmusic/swingmusic.db")
        try swingMusic.addTracks([SwingMusicTrackRow(filepath: "/music/a.flac", title: "First")])
        try swingMusic.close()
        let swingMusicFolder = folder.file("swingmusic")
        #expect(chown(swingMusic.path, Self.swingMusicUser, Self.swingMusicUser) == 0)
        #expect(chmod(swingMusic.path, databaseMode) == 0)
        #expect(chown(swingMusicFolder, Self.swingMusicUser, Self.swingMusicUser) == 0)
        #expect(chmod(swingMusicFolder, folderMode) == 0)
        try folder.write("jobs.yaml", "name: library\nlibrary:\n  swingmusic_db: \(swingMusic.path)\n")
        return (folder, swingMusic.path)
    }

    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv to run swingcache as another user"))
    func aFolderTheUserMayNotEnterIsNamedWithItsOwnerAndModeNotCalledMissing() async throws {
        let (folder, _) = try libraryOwnedByAnotherUser(folderMode: 0o700, databaseMode: 0o644)
        let plan = try await CommandLineRun.swingcache(
            ["plan", "jobs.yaml"], in: folder.path, environment: ["SWINGCACHE_DB": folder.file("none/cache.sqlite")],
            asUser: Self.otherUser)

        #expect(plan.status == 77)
        let swingMusicFolder = folder.file("swingmusic")
        #expect(
            plan.standardError.contains(
                "cannot be read: permission denied on folder '\(swingMusicFolder)' (owner uid 4242, group gid 4242, mode 700) for user nobody; give nobody read access without write access: setfacl -m u:nobody:rx '\(swingMusicFolder)', or add nobody to the group gid 4242 and chmod g+rx '\(swingMusicFolder)'"
            ), "\(plan.standardError)")
        #expect(!plan.standardError.contains("does not exist"))
    }

    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv to run swingcache as another user"))
    func aDatabaseFileTheUserMayNotReadIsNamedWithItsOwnerAndMode() async throws {
        let (folder, database) = try libraryOwnedByAnotherUser(folderMode: 0o755, databaseMode: 0o600)
        let plan = try await CommandLineRun.swingcache(
            ["plan", "jobs.yaml"], in: folder.path, environment: ["SWINGCACHE_DB": folder.file("none/cache.sqlite")],
            asUser: Self.otherUser)

        #expect(plan.status == 77)
        #expect(
            plan.standardError.contains(
                "SwingMusic database '\(database)' cannot be read: permission denied on file '\(database)' (owner uid 4242, group gid 4242, mode 600) for user nobody; give nobody read access without write access: setfacl -m u:nobody:r '\(database)'"
            ), "\(plan.standardError)")
    }
}
