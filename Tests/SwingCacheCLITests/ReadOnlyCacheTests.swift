import Foundation
import SwingCacheTestKit
import Testing

/// Whether the tests may put a folder behind a read-only mount of its own: root, with `unshare -m` allowed.
let canMountReadOnly: Bool = {
    guard geteuid() == 0 else { return false }
    return (try? SpawnedProcess.run("unshare", ["-m", "true"]).status) == 0
}()

/// A cache on a read-only mount, where no `-shm` can be created beside it: the read-only commands still read it.
@Suite(.enabled(if: canMountReadOnly, "needs root and unshare -m for a private read-only mount"))
struct ReadOnlyCacheTests {
    let folder: TemporaryDirectory
    let database: String

    init() async throws {
        folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.file("ro"), withIntermediateDirectories: true)
        database = folder.file("ro/cache.sqlite")
        try folder.write("job.yaml", "targets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\n")
        let created = try await CommandLineRun.swingcache(["cleanup", "--db", database], in: folder.path)
        #expect(created.status == 0, "\(created.standardError)")
    }

    /// Runs `swingcache arguments` in a mount namespace of its own where the cache's folder is read-only.
    func onAReadOnlyMount(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let readOnly = folder.file("ro")
        let quoted = ([CommandLineRun.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try SpawnedProcess.run(
            "unshare",
            [
                "-m", "sh", "-c",
                "mount --bind '\(readOnly)' '\(readOnly)' && mount -o remount,bind,ro '\(readOnly)' && exec \(quoted)",
            ],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path],
            directory: folder.path, standardError: .sameAsStandardOutput)
    }

    @Test(arguments: [
        ["stats"], ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--offline"], ["plan", "job.yaml"], ["export"],
    ])
    func aReadOnlyCommandReadsACacheOnAReadOnlyMount(command: [String]) throws {
        let run = try onAReadOnlyMount(command + ["--db", database])
        #expect(run.status == 0 || (command[0] == "get" && run.status == 75), "\(command[0]): \(run.output)")
        #expect(!run.output.contains("unable to open"), "\(command[0]): \(run.output)")
    }

    @Test func aWritingCommandSaysTheFolderCannotBeWritten() throws {
        let run = try onAReadOnlyMount(["cleanup", "--db", database])
        #expect(run.status == 77, "\(run.output)")
        #expect(run.output.contains("cannot write in folder"), "\(run.output)")
    }
}
