import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// The providers' fact tables, each created by its own migration after the store's: `v10-deezer-track`,
/// `v12-musicbrainz-artist`.
@Suite struct ISRCFactTableMigrationTests {
    let folder: TemporaryDirectory
    let path: String

    init() throws {
        folder = try TemporaryDirectory()
        path = folder.file("cache.sqlite")
        try AppDatabase.createDatabase(at: path, migratedUpTo: "v9-musicbrainz-search")
    }

    @Test func aReadOnlyOpenOfAnOlderDatabaseReadsNoFactsInsteadOfFailing() async throws {
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        let track = try await store.facts.enrichedTracks(spotifyIDs: ["4iV5W9uYEdYUVa79Axb7Rh"])
        #expect(track.isEmpty)
        #expect(
            try await store.cleanup(now: .testEpoch, dryRun: true).factTables == [
                "deezer_track": 0, "musicbrainz_artist": 0,
            ])
    }

    @Test func theNextWriteCreatesEveryRegisteredTable() async throws {
        _ = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)
        for table in ISRCFactTable.registered {
            let columns = try await SQLiteShell.query(
                path, "SELECT group_concat(name, ',') FROM pragma_table_info('\(table.name)')")
            #expect(
                columns
                    == (["isrc"] + table.figures + ["source", "missing_reason", "fetched_at", "expires_at"])
                    .joined(separator: ","))
        }
    }
}
