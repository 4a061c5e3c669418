import Foundation
import GRDB
import SwingCache

extension ISRCFact {
    /// Writes the row, replacing the ISRC's row before.
    func insert(_ db: Database) throws {
        let columns = ["isrc"] + table.figures + ["source", "missing_reason", "fetched_at", "expires_at"]
        var arguments: [(any DatabaseValueConvertible)?] = [isrc]
        arguments += table.figures.map { Self.databaseValue(figures[$0] ?? .null) }
        arguments += [
            table.source, missing?.rawValue, fetchedAt.timeIntervalSince1970, expiresAt.timeIntervalSince1970,
        ]
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO \(table.name) (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                """,
            arguments: StatementArguments(arguments))
    }

    /// The row of `table` for `isrc`, if the store has one.
    static func fetch(_ table: ISRCFactTable, isrc: String, in db: Database) throws -> ISRCFact? {
        let columns = table.figures + ["missing_reason", "fetched_at", "expires_at"]
        // Prepared once per connection and table: `get` reads this for every library file of every id it is given.
        let statement = try db.cachedStatement(
            sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE isrc = ?")
        guard let row = try Row.fetchOne(statement, arguments: [isrc]) else { return nil }
        var figures: [String: JSONValue] = [:]
        for (index, name) in table.figures.enumerated() {
            figures[name] = jsonValue(row[index] as DatabaseValue)
        }
        let count = table.figures.count
        let reason: String? = row[count]
        return ISRCFact(
            table: table, isrc: isrc, figures: figures,
            missing: reason.map { MissingReason(rawValue: $0) ?? .notFound },
            fetchedAt: Date(timeIntervalSince1970: row[count + 1]),
            expiresAt: Date(timeIntervalSince1970: row[count + 2]))
    }

    private static func databaseValue(_ value: JSONValue) -> (any DatabaseValueConvertible)? {
        switch value {
        case .int(let number): number
        case .double(let number): number
        case .bool(let flag): flag
        case .string(let text): text
        case .null, .array, .object, .orderedObject, .serialized: nil
        }
    }

    private static func jsonValue(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .int64(let number): .int(Int(number))
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .null, .blob: .null
        }
    }
}
