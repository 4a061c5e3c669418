import Foundation
import Runner
import SwingCacheTestKit
import Testing

/// The run lock: one warm-up per database file, however the file is named.
@Suite struct RunLockTests {
    let folder: TemporaryDirectory
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    init() throws {
        folder = try TemporaryDirectory()
    }

    func expectHeld(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try RunLock(databasePath: path, now: now)
            Issue.record("'\(path)' took a lock another run holds", sourceLocation: sourceLocation)
        } catch {
            guard case .heldByAnotherRun(let holder) = error else {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(holder?.pid == getpid(), sourceLocation: sourceLocation)
        }
    }

    @Test func aSecondLockOnTheSamePathIsRefusedNamingTheHolder() throws {
        let lock = try RunLock(databasePath: folder.file("cache.sqlite"), now: now)
        expectHeld(folder.file("cache.sqlite"))
        withExtendedLifetime(lock) {}
    }

    @Test func aSymbolicLinkToTheDatabaseSharesItsLock() throws {
        try folder.write("cache.sqlite", "")
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("link.sqlite"), withDestinationPath: folder.file("cache.sqlite"))
        withExtendedLifetime(try RunLock(databasePath: folder.file("cache.sqlite"), now: now)) {
            expectHeld(folder.file("link.sqlite"))
        }
        withExtendedLifetime(try RunLock(databasePath: folder.file("link.sqlite"), now: now)) {
            expectHeld(folder.file("cache.sqlite"))
        }
    }

    @Test func aSymbolicallyLinkedFolderSharesTheLockOfADatabaseNotCreatedYet() throws {
        try FileManager.default.createDirectory(atPath: folder.file("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("alias"), withDestinationPath: folder.file("data"))
        let lock = try RunLock(databasePath: folder.file("alias/cache.sqlite"), now: now)
        expectHeld(folder.file("data/cache.sqlite"))
        expectHeld(folder.file("data/../data/./cache.sqlite"))
        withExtendedLifetime(lock) {}
    }

    @Test func theLockIsFreeOnceItsHolderIsGone() throws {
        var lock: RunLock? = try RunLock(databasePath: folder.file("cache.sqlite"), now: now)
        #expect(lock != nil)
        lock = nil
        _ = try RunLock(databasePath: folder.file("cache.sqlite"), now: now)
    }
}
