import CacheStore
import Foundation
import SwingCacheTestKit
import Testing

/// `v9-musicbrainz-search`: what a MusicBrainz search found for a file without an ISRC, and the library view that
/// reads it.
@Suite struct MusicBrainzSearchMigrationTests {
    let folder: TemporaryDirectory
    let path: String

    init() throws {
        folder = try TemporaryDirectory()
        path = folder.file("cache.sqlite")
        try AppDatabase.createDatabase(at: path, migratedUpTo: "v8-library-added")
    }

    @Test(arguments: ["swingcache_library", "swingcache_play_counts"])
    func theViewsKeepTheirColumnsWhenV9AddsTheMusicBrainzLearnedISRC(view: String) async throws {
        let columns = "SELECT group_concat(name, ',') FROM pragma_table_info('\(view)')"
        let before = try await SQLiteShell.query(path, columns)
        _ = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)

        #expect(!before.isEmpty)
        // v13 adds the library popularity after swingcache_library's columns.
        let added = view == "swingcache_library" ? ",library_popularity,library_popularity_sources" : ""
        #expect(try await SQLiteShell.query(path, columns) == before + added)
        #expect(
            try await SQLiteShell.query(path, SwingMusicTrackMigrationTests.definition(of: view)).contains("ms.isrc"))
    }
}
