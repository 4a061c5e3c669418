import ArgumentParser
import CacheStore
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

/// A command that works on the cache database: an SQLite error it meets is said as a sentence naming it.
protocol UsesCacheDatabase {
    var store: StoreOptions { get }
}

extension ParsableCommand {
    /// Prints a failure and returns the exit code that ends the command; other errors are returned as they are.
    ///
    /// An SQLite error met after the database was opened (a full disk, a damaged page) becomes the store's
    /// sentence, not SQLite's raw text.
    func reported(_ error: any Error) -> any Error {
        var failure = error as? CommandFailure
        if failure == nil, let database = self as? UsesCacheDatabase,
            let storeError = AppDatabase.storeError(for: error, path: database.store.location.path)
        {
            failure = StoreOptions.failure(storeError)
        }
        guard let failure else { return error }
        for line in failure.lines { Terminal.error(line) }
        return failure.status.exitCode
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning a ``CommandFailure`` into its message and exit code.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            throw reported(error)
        }
    }
}

enum Terminal {
    /// Clears a live progress line: written before anything else on a terminal's standard error.
    static let clearLine = "\r\u{1B}[K"
    private static let clearsLine = isatty(STDERR_FILENO) == 1

    static func error(_ line: String) {
        write("swingcache: " + line)
    }

    static func notice(_ line: String) {
        write("swingcache: " + line)
    }

    static func warning(_ line: String) {
        write("swingcache: warning: " + line)
    }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data(((clearsLine ? clearLine : "") + line + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
