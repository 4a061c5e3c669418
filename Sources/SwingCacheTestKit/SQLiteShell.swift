import Foundation
import Subprocess

/// Runs the `sqlite3` command-line shell on a database file, so tests check the file as any reader sees it.
package enum SQLiteShell {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The rows `sql` returns, as sqlite3 prints them (`|` between columns), without the final newline.
    package static func query(_ databasePath: String, _ sql: String) async throws -> String {
        let result = try await run(
            .name("sqlite3"), arguments: [databasePath, sql], output: .string(limit: .max), error: .string(limit: .max))
        guard result.terminationStatus.isSuccess else {
            throw Failure(description: "sqlite3 failed: \(result.standardError)")
        }
        return result.standardOutput.trimmingCharacters(in: .newlines)
    }
}
