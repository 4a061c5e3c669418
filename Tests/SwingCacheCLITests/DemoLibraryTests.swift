import Foundation
import GRDB
import SwingCacheTestKit
import SwingMusicLibrary
import Testing

/// `scripts/demo-library.sql`, the SwingMusic library `scripts/demo.sh` runs against, keeps the schema the tests
/// build SwingMusic databases with (``SwingMusicLibraryBuilder/schema``), and the product reads it.
@Suite struct DemoLibraryTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/demo-library.sql").standardized

    let folder: TemporaryDirectory
    let demo: DatabaseQueue
    let reference: DatabaseQueue

    init() throws {
        folder = try TemporaryDirectory()
        let sql = try String(contentsOf: Self.script, encoding: .utf8)
        demo = try DatabaseQueue(path: folder.file("swingmusic.db"))
        try demo.write { db in try db.execute(sql: sql) }
        reference = try DatabaseQueue()
        try reference.write { db in try db.execute(sql: SwingMusicLibraryBuilder.schema) }
    }

    static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    }

    /// `PRAGMA table_info`: each column's position, name, declared type, NOT NULL, default and primary key place.
    static func columns(of table: String, _ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
    }

    static func indexes(of table: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA index_list(\(table.quotedDatabaseIdentifier))")
            .map { row in "\(row["name"] as String)\(row["unique"] as Bool ? " unique" : "")" }.sorted()
    }

    @Test func theDemoHasEveryTableOfTheBuildersSchema() throws {
        let expected = try reference.read(Self.tables)

        #expect(expected == ["scrobble", "track", "user"])
        #expect(try demo.read(Self.tables) == expected)
    }

    @Test(arguments: ["track", "user", "scrobble"])
    func theDemoTableHasTheBuildersColumnsAndIndexes(table: String) throws {
        let expected = try reference.read { db in try Self.columns(of: table, db) }

        #expect(!expected.isEmpty)
        #expect(try demo.read { db in try Self.columns(of: table, db) } == expected)
        #expect(
            try demo.read { db in try Self.indexes(of: table, db) }
                == reference.read { db in try Self.indexes(of: table, db) })
    }

    @Test func theProductReadsTheDemosTracksAndPlays() throws {
        let library = try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: folder.file("swingmusic.db")))

        let page = try library.tracks()
        let plays = try library.localPlays(user: "admin")

        #expect(page.tracks.count == 4)
        #expect(page.tracks.allSatisfy { $0.isrc != nil }, "the demo matches every track by its ISRC")
        #expect(plays.total == 22)
        #expect(
            plays.unmatched(byTrackhash: Set(page.tracks.map(\.trackhash))) == UnmatchedPlays(),
            "every play is of a library track, by SwingMusic's runtime hash")
    }
}
