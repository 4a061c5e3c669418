import Foundation

/// A `swingcache` process a test keeps running while it does something else: races another run against it,
/// or sends it a signal once it has got somewhere (told by its standard error, never by a timer).
package final class RunningCommand: @unchecked Sendable {
    // Only the test's own thread touches these, one call at a time.
    private let process: SpawnedProcess
    private var errorBuffer = Data()

    package init(_ arguments: [String], in directory: String, environment: [String: String]) throws {
        process = try SpawnedProcess(
            CommandLineRun.binary, arguments,
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory]
                .merging(environment) { $1 },
            directory: directory, standardOutput: .pipe, standardError: .pipe)
    }

    package var pid: Int32 { process.pid }

    /// Reads standard error until `count` lines containing `text` have appeared; false if the process ended first.
    @discardableResult
    package func waitForStandardError(containing text: String, count: Int = 1) -> Bool {
        while occurrences(of: text) < count {
            let chunk = process.standardError?.availableData ?? Data()
            if chunk.isEmpty { return false }
            errorBuffer.append(chunk)
        }
        return true
    }

    package func send(_ signal: Int32) { process.send(signal) }

    /// Returns once the process has a handler of its own for `signal` (Linux's `/proc/PID/status`, `SigCgt`): the
    /// first moment it can answer the signal other than by its default action. False if the process ended first.
    ///
    /// Before that the dynamic loader is still loading the binary's libraries, and no code of swingcache's has run.
    package func waitUntilHandling(_ signal: Int32) -> Bool {
        let status = "/proc/\(process.pid)/status"
        while process.isRunning {
            let text = (try? String(contentsOfFile: status, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
                let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16),
                mask & (1 << UInt64(signal - 1)) != 0
            {
                return true
            }
            sched_yield()
        }
        return false
    }

    /// Waits for the process to end and returns everything it printed.
    package func finish() -> CommandLineRun {
        let output = process.standardOutput?.readDataToEndOfFile() ?? Data()
        errorBuffer.append(process.standardError?.readDataToEndOfFile() ?? Data())
        let status = process.waitUntilExit()
        return CommandLineRun(
            status: status, standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errorBuffer, as: UTF8.self))
    }

    private func occurrences(of text: String) -> Int {
        String(decoding: errorBuffer, as: UTF8.self).components(separatedBy: text).count - 1
    }
}
