import GRDB

extension AppDatabase {
    /// The migrations, in order, as recorded in `grdb_migrations`.
    package static var migrationIdentifiers: [String] { migrator.migrations }

    /// Creates a database at `path` with the schema as it was after `migration`: tests of later migrations start
    /// from one.
    package static func createDatabase(at path: String, migratedUpTo migration: String) throws {
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue, upTo: migration)
        try queue.close()
    }
}
