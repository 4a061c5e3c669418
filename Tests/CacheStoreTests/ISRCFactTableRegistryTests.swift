import CacheStore
import Foundation
import GRDB
import SwingCache
import SwingCacheTestKit
import Testing

/// What the store does with a registered fact table without naming it: its freshness, and the columns it shows in
/// `swingcache_library`, generated from the registry.
@Suite struct ISRCFactTableRegistryTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    /// A table of a provider that does not exist, showing one figure in the library view.
    static let shown = ISRCFactTable(
        name: "test_track", source: "test", figures: ["rank", "tempo"], migration: "v99-test-track",
        schema: """
            CREATE TABLE test_track (
                isrc TEXT PRIMARY KEY NOT NULL,
                rank INTEGER,
                tempo REAL,
                source TEXT NOT NULL,
                missing_reason TEXT,
                fetched_at REAL NOT NULL,
                expires_at REAL NOT NULL
            );
            CREATE INDEX test_track_expires_at ON test_track(expires_at);
            """, libraryFigures: ["rank"])

    @Test func aFactTablesRowIsTheFreshnessOfItsKey() async throws {
        let hour = now.addingTimeInterval(3600)
        try await store.facts.save(
            EnrichmentRecord(
                isrcFacts: [
                    ISRCFact(
                        table: .deezerTrack, isrc: "GBAHS1600463", figures: ["rank": .int(815_722)], fetchedAt: now,
                        expiresAt: hour),
                    ISRCFact(
                        table: .deezerTrack, isrc: "ZZAAA9900303", figures: [:], missing: .notFound, fetchedAt: now,
                        expiresAt: hour),
                ], request: nil))

        let table = ISRCFactTable.deezerTrack
        let states = try await store.facts.enrichmentStates(for: [
            table.key("GBAHS1600463"), table.key("ZZAAA9900303"), table.key("USUM71703861"),
            .trackLink(isrc: "GBAHS1600463", platform: "deezer"),
        ])
        #expect(
            states == [
                table.key("GBAHS1600463"): .cached(fetchedAt: now, expiresAt: hour),
                table.key("ZZAAA9900303"): .knownMissing(reason: .notFound, expiresAt: hour),
            ])
    }

    @Test func theLibraryViewIsWhatTheRegistryGenerates() async throws {
        let stored = try await SQLiteShell.query(
            store.path, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'swingcache_library'")
        let generated = AppDatabase.libraryView(showing: ISRCFactTable.registered)
        #expect(ISRCFactTable.registered.allSatisfy { $0.libraryFigures.isEmpty }, "no table shows figures yet")
        #expect(generated.hasSuffix(";"))
        #expect(stored == String(generated.dropLast()))
        for table in ISRCFactTable.registered {
            #expect(ISRCFactTable.migrationSQL(of: table, after: []) == table.schema)
        }
    }

    @Test func aTableThatShowsFiguresAddsThemAfterTheLibraryViewsColumns() async throws {
        let columns = { (view: String) in
            try await SQLiteShell.query(
                store.path, "SELECT group_concat(name, ',') FROM pragma_table_info('\(view)')")
        }
        let library = try await columns("swingcache_library")
        let export = try await columns("swingcache_library_export")
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/a.flac", fingerprint: "v1:a", title: "A", artists: ["B"], isrc: "GBAHS1600463"),
                LibraryTrackRecord(filepath: "/music/b.flac", fingerprint: "v1:b", title: "C", artists: ["D"]),
            ], seenAt: now)
        let rowsBefore = try await SQLiteShell.query(store.path, "SELECT * FROM swingcache_library ORDER BY filepath")

        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in
            try AppDatabase.create(Self.shown, after: ISRCFactTable.registered, db)
            try db.execute(
                sql: """
                    INSERT INTO test_track (isrc, rank, tempo, source, fetched_at, expires_at)
                    VALUES ('GBAHS1600463', 42, 120.5, 'test', 0, 0)
                    """)
        }
        try queue.close()

        let popularity = ",library_popularity,library_popularity_sources"
        #expect(
            try await columns("swingcache_library")
                == library.replacingOccurrences(of: popularity, with: ",test_rank" + popularity))
        #expect(
            try await columns("swingcache_library_export")
                == export.replacingOccurrences(of: popularity, with: ",test_rank" + popularity))
        let rowsAfter = try await SQLiteShell.query(
            store.path, "SELECT * FROM swingcache_library ORDER BY filepath")
        // The figure goes before the library popularity and its sources, both NULL here.
        let expected = rowsBefore.split(separator: "\n").enumerated().map { index, row -> String in
            let rank = index == 0 ? "|42" : "|"
            return String(row.dropLast(2)) + rank + "||"
        }
        #expect(rowsAfter == expected.joined(separator: "\n"))
    }
}
