import Foundation

/// Runs the real `swingcache` binary, as cron or a person would.
package struct CommandLineRun: Sendable {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

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

    /// Runs `swingcache` with `arguments` in `directory`, with `environment` added to a clean environment; as the
    /// user and group `userID` when given (through `setpriv`, which needs root), from a copy of the binary that user
    /// can run wherever the checkout is.
    package static func swingcache(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        asUser userID: UInt32? = nil
    ) throws -> CommandLineRun {
        let process = Process()
        var copy: String?
        defer { if let copy { try? FileManager.default.removeItem(atPath: copy) } }
        if let userID {
            let folder = NSTemporaryDirectory() + "/swingcache-as-\(userID)-\(UUID().uuidString)"
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            copy = folder
            try FileManager.default.copyItem(atPath: binary, toPath: folder + "/swingcache")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/swingcache")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                ["--reuid=\(userID)", "--regid=\(userID)", "--clear-groups", "--", folder + "/swingcache"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        base["HOME"] = directory ?? NSTemporaryDirectory()
        process.environment = base.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty process never blocks on a full pipe.
        let errorData = PipeContents()
        let errorsRead = DispatchSemaphore(value: 0)
        Thread {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
            errorsRead.signal()
        }.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorsRead.wait()
        return CommandLineRun(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.value, as: UTF8.self))
    }
}

private final class PipeContents: @unchecked Sendable {
    // Guarded by `lock`: written once by the reader thread, read after it signals.
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data { lock.withLock { data } }
}
