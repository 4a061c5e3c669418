import GRDB

/// A row the store's loops write thousands of (a catalog answer, a read of the library): its values by position,
/// in the order of ``columns``, through one statement prepared per connection.
///
/// GRDB's `insert` builds a persistence container and finds its SQL by the column names for every row: in these
/// loops that took about as long as the writes themselves (the offline benchmark's load, a library import).
protocol PositionalRow {
    static var databaseTableName: String { get }
    /// The table's columns, in the order of ``databaseValues``.
    static var columns: [String] { get }
    /// The statement that writes a row: built once by ``replaceSQL()`` or ``upsertSQL(key:)``.
    static var writeSQL: String { get }
    /// The values of ``columns``, in order.
    var databaseValues: StatementArguments { get }
}

extension PositionalRow {
    /// Writes the row with the connection's prepared ``writeSQL``.
    func write(_ db: Database) throws {
        try db.cachedStatement(sql: Self.writeSQL).execute(arguments: databaseValues)
    }

    /// `INSERT OR REPLACE` of every column.
    static func replaceSQL() -> String {
        "INSERT OR REPLACE INTO \(databaseTableName) \(insertedColumns)"
    }

    /// `INSERT`, or on a conflict over `key`, an update of every other column: for a table other rows reference,
    /// which a replace would delete (`ON DELETE CASCADE`).
    static func upsertSQL(key: String) -> String {
        let updates = columns.filter { $0 != key }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(databaseTableName) \(insertedColumns) ON CONFLICT (\(key)) DO UPDATE SET \(updates)"
    }

    private static var insertedColumns: String {
        "(\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    }
}
