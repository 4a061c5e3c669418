import Foundation
import SwingCacheTestKit
import Testing

/// Every command line the project ships for cron and systemd, run with the built binary against a prepared
/// database and the fixture server: a schedule that exits 64 every night is found here, not in a log file.
@Suite struct ShippedScheduleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized

    /// The swingcache arguments of each line between the crontab's markers, with `$HOME` as the shell would read it.
    static func crontabCommands(home: String) throws -> [[String]] {
        let text = try String(contentsOf: repository.appendingPathComponent("cron/crontab.example"), encoding: .utf8)
        let lines = text.split(separator: "\n").drop { !$0.hasPrefix("# BEGIN swingcache") }.dropFirst()
            .prefix { !$0.hasPrefix("# END swingcache") }
        return lines.map { line in
            let command = line.split(separator: ">>")[0]
            return words(String(command).replacingOccurrences(of: "$HOME", with: home)).drop {
                !$0.hasSuffix("/swingcache")
            }
            .dropFirst().map { $0 }
        }
    }

    /// The swingcache arguments of every `ExecStart=` under cron/systemd.
    static func systemdCommands() throws -> [(unit: String, arguments: [String])] {
        let folder = repository.appendingPathComponent("cron/systemd")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { unit in
            let text = try String(contentsOf: folder.appendingPathComponent(unit), encoding: .utf8)
            return text.split(separator: "\n").filter { $0.hasPrefix("ExecStart=") }.map { line in
                (unit, Array(words(String(line.dropFirst("ExecStart=".count))).dropFirst()))
            }
        }
    }

    /// Shell words of a line with double-quoted parts, enough for the shipped lines.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case " " where !quoted:
                if !current.isEmpty { words.append(current) }
                current = ""
            default: current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Paths of the shipped lines that must exist, moved into the test's folder.
    static func relocated(_ arguments: [String], into folder: TemporaryDirectory) -> [String] {
        arguments.map { argument in
            guard argument.hasPrefix("/etc/swingcache/") || argument.hasPrefix("/var/lib/swingcache/") else {
                return argument
            }
            return folder.file(URL(fileURLWithPath: argument).lastPathComponent)
        }
    }

    func prepared() throws -> (TemporaryDirectory, String) {
        let folder = try TemporaryDirectory()
        let jobs = folder.file(".config/swingcache/jobs")
        try FileManager.default.createDirectory(atPath: jobs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            atPath: folder.file(".local/share/swingcache"), withIntermediateDirectories: true)
        let spec = "name: nightly\ntargets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\nbudget:\n  min_interval: 10ms\n"
        try spec.write(toFile: jobs + "/library.yaml", atomically: true, encoding: .utf8)
        try spec.write(toFile: folder.file("library.yaml"), atomically: true, encoding: .utf8)
        return (folder, folder.file("cache.sqlite"))
    }

    @Test func everyCrontabLineExitsZero() async throws {
        let server = try FixtureServerProcess([])
        let (folder, database) = try prepared()
        let commands = try Self.crontabCommands(home: folder.path)
        #expect(commands.count == 2)
        for arguments in commands {
            let result = try await CommandLineRun.swingcache(
                arguments, in: folder.path,
                environment: server.environment.merging(["SWINGCACHE_DB": database]) { $1 })
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.standardError)")
        }
    }

    @Test func everySystemdExecStartExitsZero() async throws {
        let server = try FixtureServerProcess([])
        let (folder, database) = try prepared()
        let commands = try Self.systemdCommands()
        #expect(commands.count >= 2)
        for (unit, arguments) in commands {
            let result = try await CommandLineRun.swingcache(
                Self.relocated(arguments, into: folder), in: folder.path,
                environment: server.environment.merging(["SWINGCACHE_DB": database]) { $1 })
            #expect(result.status == 0, "\(unit): \(arguments.joined(separator: " ")): \(result.standardError)")
        }
    }
}
