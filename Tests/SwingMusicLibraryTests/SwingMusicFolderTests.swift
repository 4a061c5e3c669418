import Foundation
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

/// Reading never leaves a file in SwingMusic's folder that SwingMusic could not use afterwards.
@Suite struct SwingMusicFolderTests {
    static let swingMusicUser: UInt32 = 4242
    static let otherUser: UInt32 = 65534

    @Test(arguments: [
        // reader, owner, -wal, -shm, decision
        (UInt32(1000), UInt32(1000), false, false, SwingMusicDatabaseAccess.inPlace),
        (0, 1000, false, false, .inPlace),
        (1001, 1000, true, true, .inPlace),
        (1001, 1000, false, false, .snapshot),
        (1001, 1000, true, false, .snapshot),
        (1001, 1000, false, true, .snapshot),
    ])
    func aReaderThatWouldCreateForeignFilesReadsASnapshot(
        reader: UInt32, owner: UInt32, wal: Bool, shm: Bool, expected: SwingMusicDatabaseAccess
    ) {
        let state = SwingMusicDatabaseAccess.FileState(
            readerUserID: reader, ownerUserID: owner, walExists: wal, sharedMemoryExists: shm)
        #expect(SwingMusicDatabaseAccess.decide(for: state) == expected)
    }

    @Test func aSnapshotReadSeesWhatSitsOnlyInTheWALAndAddsNothingToTheFolder() throws {
        let folder = try TemporaryDirectory()
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTracks([SwingMusicTrackRow(filepath: "/music/a.flac", title: "A")])
        try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 3)
        let inPlace = try swingMusic.library()
        let tracks = try inPlace.tracks().tracks
        let plays = try inPlace.localPlays()
        let before = try FolderListing(folder.path)
        #expect(before.names.contains("swingmusic.db-wal"), "the builder keeps its connection, as the server does")

        let snapshot = try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: swingMusic.path), access: .snapshot)
        #expect(snapshot.access == .snapshot)
        #expect(try snapshot.tracks().tracks == tracks)
        #expect(try snapshot.localPlays() == plays)
        #expect(try snapshot.playsByFile() == ["/music/a.flac": 3])
        #expect(try FolderListing(folder.path) == before)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the database another owner"))
    func aReadAsRootGivesWhatSQLiteCreatesTheDatabasesOwnerAndMode() throws {
        let folder = try TemporaryDirectory()
        let swingMusic = try SwingMusicLibraryBuilder(in: folder)
        try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac"))
        try swingMusic.close()
        #expect(chown(swingMusic.path, Self.swingMusicUser, Self.swingMusicUser) == 0)
        #expect(chmod(swingMusic.path, 0o640) == 0)

        let library = try swingMusic.library()
        #expect(library.access == .inPlace)
        #expect(try library.tracks().tracks.count == 1)
        for file in try FolderListing(folder.path).files {
            #expect(file.owner == Self.swingMusicUser, "\(file.name)")
            #expect(file.mode == 0o640, "\(file.name)")
        }
    }
}
