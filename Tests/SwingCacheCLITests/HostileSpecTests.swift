import Foundation
import SwingCacheTestKit
import Testing

/// A corpus of hostile job specs, each run through the real binary: every one ends in exit 65 with a
/// `FILE:LINE:COLUMN:` position, never in a signal.
@Suite struct HostileSpecTests {
    static let textSpecs: [(name: String, text: String)] = [
        ("ttl-beyond-int", "ttl: 99999999999999999999s\ntargets: {}\n"),
        ("ttl-beyond-double", "ttl: " + String(repeating: "9", count: 400) + "s\ntargets: {}\n"),
        ("ttl-just-too-long", "ttl: 3651d\ntargets: {}\n"),
        ("ttl-below-a-millisecond", "ttl: 0.00000000001s\ntargets: {}\n"),
        ("refresh-ahead-huge", "refresh_ahead: 99999999999999999999h\ntargets: {}\n"),
        ("missing-ttl-huge", "missing_ttl: 99999999999999999999d\ntargets: {}\n"),
        ("min-interval-huge", "targets: {}\nbudget:\n  min_interval: 99999999999999999999s\n"),
        ("max-runtime-huge", "targets: {}\nbudget:\n  max_runtime: 99999999999999999999s\n"),
        ("per-hour-beyond-int", "targets: {}\nbudget:\n  per_hour: 99999999999999999999\n"),
        ("per-hour-int-max", "targets: {}\nbudget:\n  per_hour: 9223372036854775807\n  reserve: 1\n"),
        ("reserve-int-min", "targets: {}\nbudget:\n  reserve: -9223372036854775808\n"),
        ("max-requests-int-max", "targets: {}\nbudget:\n  max_requests: 9223372036854775807\n"),
        (
            "provider-ttl-huge",
            "library:\n  swingmusic_db: none.db\nenrich:\n  musicbrainz: {ttl: 99999999999999999999s}\n"
        ),
        ("provider-per-hour-huge", "library:\nenrich:\n  lastfm: {per_hour: 99999999999999999999}\n"),
        ("empty", ""),
        ("only-a-comment", "# nothing\n"),
        ("only-blank-lines", "\n\n\r\n"),
        ("bell-in-a-name", "name: a\u{7}b\ntargets: {}\n"),
        ("nul-byte", "targets: {}\n\u{0}\n"),
        ("escape-sequence", "name: \u{1B}[31mred\ntargets: {}\n"),
        ("deep-nesting", "targets: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)),
        ("undefined-alias", "targets:\n  tracks: [*nowhere]\n"),
        ("tab-indentation", "targets:\n\ttracks: []\n"),
        ("a-list-not-a-spec", "- a\n- b\n"),
        ("a-bare-word", "hello\n"),
        ("crlf-structural-problem", "ttl: soon\r\ntargets: {}\r\n"),
    ]

    static let byteSpecs: [(name: String, bytes: [UInt8])] = [
        ("latin-1", Array("name: caf".utf8) + [0xE9] + Array("\ntargets: {}\n".utf8)),
        ("invalid-byte-on-line-3", Array("targets:\n  tracks:\n    - ".utf8) + [0xFF, 0xFE]),
        ("utf-16", [0xFF, 0xFE, 0x74, 0x00, 0x3A, 0x00]),
        ("truncated-utf-8", Array("name: ".utf8) + [0xE2, 0x82]),
    ]

    /// Specs as bytes: some are not UTF-8 at all.
    static let corpus: [(name: String, bytes: [UInt8])] =
        textSpecs.map { (name: $0.name, bytes: Array($0.text.utf8)) } + byteSpecs

    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    /// One process reads the whole corpus (a crash on any spec would end it with a signal, not 65), so the test
    /// costs two launches rather than two per spec.
    @Test(arguments: [["validate"], ["plan", "--db", "cache.sqlite"]])
    func everyHostileSpecEndsIn65WithAPositionNeverASignal(command: [String]) async throws {
        for (name, bytes) in Self.corpus {
            _ = FileManager.default.createFile(atPath: folder.file("\(name).yaml"), contents: Data(bytes))
        }
        let run = try await CommandLineRun.swingcache(
            [command[0]] + Self.corpus.map { "\($0.name).yaml" } + command.dropFirst(), in: folder.path)
        #expect(run.status == 65, "\(command[0]): \(run.standardError)")
        let lines = run.standardError.split(separator: "\n").map {
            $0.replacing("swingcache: ", with: "", maxReplacements: 1)
        }
        for name in Self.corpus.map(\.name) {
            let positioned = lines.contains { line in
                guard line.hasPrefix("\(name).yaml:") else { return false }
                return line.dropFirst(name.count + 6).prefixMatch(of: /[1-9][0-9]*:[1-9][0-9]*: ./) != nil
            }
            #expect(positioned, "\(command[0]) \(name): \(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("cache.sqlite")))
    }

    @Test func theWidestSettingsASpecAllowsPlanAndExplainWithoutTrapping() async throws {
        try folder.write(
            "widest.yaml",
            """
            ttl: 3650d
            refresh_ahead: 3649d
            missing_ttl: 3650d
            targets:
              tracks: [4iV5W9uYEdYUVa79Axb7Rh]
            budget: {per_hour: 1000000000, reserve: 999999999, min_interval: 0s, max_runtime: 3650d, max_requests: 1000000000}
            """)
        try folder.write(
            "narrowest.yaml",
            "ttl: 1ms\ntargets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\nbudget: {per_hour: 1, reserve: 0, min_interval: 3650d}\n"
        )
        for spec in ["widest.yaml", "narrowest.yaml"] {
            let run = try await CommandLineRun.swingcache(["plan", spec, "--db", "cache.sqlite"], in: folder.path)
            #expect(run.status == 0, "\(spec): \(run.standardError)")
            #expect(run.standardOutput.contains("1 of 1 requests needed"), "\(spec): \(run.standardOutput)")
        }
    }
}
