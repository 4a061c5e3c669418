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
    func aPlanRunAsAnotherUserLeavesSwingMusicsCheckpointedFolderByteForByteAsItWas() throws {
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

        let plan = try CommandLineRun.swingcache(
            ["plan", "jobs.yaml"], in: folder.path, environment: ["SWINGCACHE_DB": folder.file("none/cache.sqlite")],
            asUser: Self.otherUser)

        #expect(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardOutput.contains("2 files"), "\(plan.standardOutput)")
        #expect(try FolderListing(swingMusicFolder) == before)
    }
}
