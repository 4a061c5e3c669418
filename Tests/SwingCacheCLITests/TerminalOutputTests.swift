import Foundation
import SwingCacheTestKit
import Testing

/// What a person sees on a terminal: the real binary under `script`, which gives it a pseudo-terminal.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux's script"))
struct TerminalOutputTests {
    @Test func theLiveLineIsClearedBeforeEveryLogLineAndVerboseNamesTheIdsOfEachRequest() throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess()
        try folder.write(
            "job.yaml",
            """
            targets:
              tracks: [4iV5W9uYEdYUVa79Axb7Rh, 3n3Ppam7vgaVa1iaRUc9Lp, notanid]
            budget: { min_interval: 0s }
            """)
        let command = [CommandLineRun.binary, "run", "job.yaml", "--log-format", "json", "-v"].map { "'\($0)'" }
            .joined(separator: " ")
        var environment = server.environment
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        let (status, text) = try SpawnedProcess.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"],
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, directory: folder.path,
            standardError: .inherited)

        #expect(status == 0, "\(text)")
        let clear = "\r\u{1B}[K"
        #expect(text.contains(clear + "spotify: "), "the Spotify phase is named like the others: \(text)")
        var searchFrom = text.startIndex
        var logLines = 0
        while let start = text.range(of: "{\"", range: searchFrom..<text.endIndex) {
            logLines += 1
            #expect(text[..<start.lowerBound].hasSuffix(clear), "a log line starts after the live line: \(text)")
            searchFrom = start.upperBound
        }
        #expect(logLines > 0)
        #expect(
            text.contains("2 ids 4iV5W9uYEdYUVa79Axb7Rh,3n3Ppam7vgaVa1iaRUc9Lp")
                || text.contains("2 ids 3n3Ppam7vgaVa1iaRUc9Lp,4iV5W9uYEdYUVa79Axb7Rh"),
            "-v names the ids of each request: \(text)")
    }
}
