import Foundation
import SwingCacheTestKit
import Testing

/// A run whose database's disk fills up: a real 2 MB tmpfs, which needs root allowed to mount (CI runs as root).
@Suite(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root allowed to mount")) struct FullDiskTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        var factory = CatalogFactory(seed: 27)
        try folder.write("ids.txt", factory.ids(.track, count: 3000).map(\.value).joined(separator: "\n") + "\n")
        try folder.write(
            "job.yaml", "name: full\ntargets:\n  files: [ids.txt]\nbudget:\n  min_interval: 1ms\n  reserve: 0\n")
    }

    @Test func aRunThatFillsTheDiskSaysSoNamingTheDatabaseAndExits77() async throws {
        let disk = folder.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try #require(try Tmpfs.system("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk]) == 0, "tmpfs mounted")
        defer { _ = try? Tmpfs.system("umount", [disk]) }
        let server = try FixtureServerProcess()
        let database = "\(disk)/cache.sqlite"
        let run = try await CommandLineRun.swingcache(
            ["run", "job.yaml", "--json", "--db", database], in: folder.path, environment: server.environment)

        let sentence =
            "database '\(database)': the disk is full; free some space and try again (SQLite kept the file consistent)"
        #expect(run.status == 77, "\(run.standardError)")
        #expect(run.standardError == "swingcache: \(sentence)\n")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(report["outcome"] as? String == "configuration_error")
        #expect(report["errors"] as? [String] == [sentence])
        #expect(((report["items"] as? [String: Any])?["fetched"] as? Int ?? 0) > 0, "it stored what fitted")
    }
}

/// Mounting a small tmpfs for a test.
enum Tmpfs {
    /// Whether this process may mount a tmpfs: root, and not kept from it by a container.
    static let canMount: Bool = {
        guard getuid() == 0, let probe = try? TemporaryDirectory() else { return false }
        guard (try? system("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path])) == 0 else { return false }
        _ = try? system("umount", [probe.path])
        return true
    }()

    /// Runs `mount` or `umount`; its exit status.
    @discardableResult
    static func system(_ tool: String, _ arguments: [String]) throws -> Int32 {
        try SpawnedProcess("/bin/\(tool)", arguments, standardError: .nullDevice).waitUntilExit()
    }
}
