import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// `v6-swingmusic-track`: SwingMusic's hash and raw tags beside each library file, and the export view.
@Suite struct SwingMusicTrackMigrationTests {
    let folder: TemporaryDirectory
    let path: String
    static func definition(of view: String) -> String {
        "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = '\(view)'"
    }

    /// The SQL of each of `views`, as sqlite3 reads it from the file.
    func definitions(of views: [String]) async throws -> [String] {
        var definitions: [String] = []
        for view in views { definitions.append(try await SQLiteShell.query(path, Self.definition(of: view))) }
        return definitions
    }

    init() throws {
        folder = try TemporaryDirectory()
        path = folder.file("cache.sqlite")
        try AppDatabase.createDatabase(at: path, migratedUpTo: "v2-enrichment")
    }

    @Test func theExistingViewsStayByteForByteAndTheExportViewIsAddedBesideThem() async throws {
        let views = ["swingcache_library", "swingcache_play_counts"]
        let before = try await definitions(of: views)
        // Up to the last migration before v9, which redefines swingcache_library with the same columns.
        try AppDatabase.createDatabase(at: path, migratedUpTo: "v8-library-added")

        #expect(before.allSatisfy { !$0.isEmpty })
        #expect(try await definitions(of: views) == before)
        #expect(
            try await SQLiteShell.query(path, Self.definition(of: "swingcache_library_export")).contains("artists_json")
        )
        #expect(try await SQLiteShell.query(path, "SELECT COUNT(*) FROM pragma_table_info('swingmusic_track')") == "6")
    }

    @Test func aReadOfAVersionTwoDatabaseExportsWithoutMigrating() async throws {
        let old = try AppDatabase.open(DatabaseLocation(path: folder.file("written.sqlite")), access: .readWrite)
        try await old.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/a.flac", fingerprint: "v1:a", title: "A", artists: ["Tyler, The Creator"])
            ],
            seenAt: .testEpoch)
        _ = try await SQLiteShell.query(
            path,
            "ATTACH '\(folder.file("written.sqlite"))' AS written; INSERT INTO library_track SELECT * FROM written.library_track"
        )
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        let (rowCount, exported) = try await store.library.exportedLibrary(format: .json)
        #expect(rowCount == 1)
        let rows = try #require(try JSONSerialization.jsonObject(with: exported) as? [[String: Any]])
        #expect(rows.first?["artists"] as? String == "Tyler, The Creator")
        #expect(rows.first?["artists_json"] as? [String] == ["Tyler, The Creator"])
        #expect(rows.first?["swingmusic_trackhash"] is NSNull)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try await SQLiteShell.query(path, "SELECT COUNT(*) FROM grdb_migrations") == "2")
    }

    @Test func aFileKeepsItsSwingMusicRowWhileItStaysAndLosesItWithTheFile() async throws {
        let store = try folder.store("new.sqlite")
        let file = SwingMusicFileRecord(
            trackhash: "17e67ced90babe7e", tagTitle: "Under Pressure", tagArtists: "Queen/David Bowie",
            tagAlbumArtists: "Queen", tagAlbum: "Hot Space")
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/a.flac", fingerprint: "v1:a", title: "Under Pressure",
                    artists: ["Queen", "David Bowie"], swingMusic: file)
            ], seenAt: .testEpoch)
        #expect(try await store.facts.enrichedTrack(filepath: "/music/a.flac")?.library.swingMusic == file)

        #expect(try await store.library.removeLibraryTracks(notSeenSince: .testEpoch.addingTimeInterval(1)) == 1)
        #expect(try await SQLiteShell.query(folder.file("new.sqlite"), "SELECT COUNT(*) FROM swingmusic_track") == "0")
    }
}
