import ArgumentParser
import Foundation

/// An error that ends a command with a message on standard error and a documented exit code.
struct CommandFailure: Error {
    var status: ExitStatus
    var lines: [String]

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.lines = [message]
    }

    init(_ status: ExitStatus, lines: [String]) {
        self.status = status
        self.lines = lines
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CommandFailure`` into its message and exit code.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            for line in failure.lines { Terminal.error(line) }
            throw failure.status.exitCode
        }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning a ``CommandFailure`` into its message and exit code.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            for line in failure.lines { Terminal.error(line) }
            throw failure.status.exitCode
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("swingcache: " + line + "\n").utf8))
    }

    static func notice(_ line: String) {
        FileHandle.standardError.write(Data(("swingcache: " + line + "\n").utf8))
    }

    static func warning(_ line: String) {
        FileHandle.standardError.write(Data(("swingcache: warning: " + line + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
