import Foundation

/// Runs the `sqlite3` command-line shell on a database file, so tests check the file as any reader sees it.
package enum SQLiteShell {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The rows `sql` returns, as sqlite3 prints them (`|` between columns), without the final newline.
    package static func query(_ databasePath: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", databasePath, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "sqlite3 failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
