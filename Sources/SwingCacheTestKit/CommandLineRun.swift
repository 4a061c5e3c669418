import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs the real `swingcache` binary, as cron or a person would.
package struct CommandLineRun: Sendable {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The exit code, or the number of the signal that ended the process.
    package var status: Int32
    package var standardOutput: String
    package var standardError: String

    /// The built `swingcache` beside the test bundle, or in `.build/debug` of this checkout.
    package static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("swingcache").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/swingcache").standardized.path
    }

    /// Runs `swingcache` with `arguments` in `directory`, with `environment` added to a clean environment, and
    /// returns once it has ended; as the user and group `userID` when given (which needs root), from a copy of the
    /// binary that user can run wherever the checkout is.
    package static func swingcache(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        asUser userID: UInt32? = nil
    ) async throws -> CommandLineRun {
        var executable = binary
        var arguments = arguments
        var copy: String?
        defer { if let copy { try? FileManager.default.removeItem(atPath: copy) } }
        if let userID {
            let folder = NSTemporaryDirectory() + "/swingcache-as-\(userID)-\(UUID().uuidString)"
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            copy = folder
            try FileManager.default.copyItem(atPath: binary, toPath: folder + "/swingcache")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/swingcache")
            // setpriv, not swift-subprocess's user and group options: those call setgroups(2) in the forked child
            // of this many-threaded test process, where glibc can wait forever for the parent's other threads.
            executable = "/usr/bin/setpriv"
            arguments =
                ["--reuid=\(userID)", "--regid=\(userID)", "--clear-groups", "--", folder + "/swingcache"] + arguments
        }
        let configuration = Configuration(
            executable: .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: cleanEnvironment(home: directory ?? NSTemporaryDirectory(), adding: environment),
            workingDirectory: directory.map { FilePath($0) })
        var attempt = 1
        while true {
            let result = try await run(configuration, output: .string(limit: .max), error: .string(limit: .max))
            let run = CommandLineRun(
                status: result.terminationStatus.code, standardOutput: result.standardOutput,
                standardError: result.standardError)
            // A child another test forked while the copy was being written still holds it open for writing, until
            // that child execs: a matter of milliseconds.
            guard copy != nil, attempt < 20, run.standardError.contains("Text file busy") else { return run }
            attempt += 1
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Only `PATH`, and `HOME` pointing at `home`, beside `environment`: nothing of the test runner's leaks in.
    private static func cleanEnvironment(home: String, adding environment: [String: String]) -> Environment {
        var variables: [Environment.Key: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home,
        ]
        for (name, value) in environment { variables[Environment.Key(stringLiteral: name)] = value }
        return .custom(variables)
    }
}

extension TerminationStatus {
    /// The exit code, or the signal's number, as `Process.terminationStatus` told them.
    var code: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): signal
        }
    }
}
