import CacheStore
import Foundation

/// A database of its own in a temporary folder, for the requests of a dry run: paced and counted like a real
/// publish's, and removed with its folder when the dry run is over, so a dry run writes nothing into the cache.
package final class ScratchLedger: Sendable {
    package let store: AppDatabase
    private let folder: String

    package init() throws {
        folder = NSTemporaryDirectory() + "/swingcache-dry-run-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        store = try AppDatabase.open(DatabaseLocation(path: folder + "/ledger.sqlite"), access: .readWrite)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
