import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct EnrichmentMigrationTests {
    let folder: TemporaryDirectory
    let path: String

    init() async throws {
        folder = try TemporaryDirectory()
        path = folder.file("cache.sqlite")
        try AppDatabase.createDatabase(at: path, migratedUpTo: "v1-entities-ledger-runs")
        _ = try await SQLiteShell.query(
            path,
            """
            INSERT INTO track (id, name, isrc, raw, fetched_at, expires_at)
                VALUES ('4iV5W9uYEdYUVa79Axb7Rh', 'Shape of You', 'GBAHS1600463', x'', 100, 200);
            INSERT INTO missing_entity VALUES ('album', '0sNOF9WDwhWunNAHPD3Baj', 'not_found', 100, 300);
            INSERT INTO request_ledger (service, endpoint, requested_at, status) VALUES ('spotify', 'tracks', 100, 200);
            """)
    }

    @Test func aVersionOneDatabaseKeepsItsRowsWhenItGainsTheEnrichmentTables() async throws {
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readWrite)

        let track = try #require(
            try await store.catalog.entity(SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")))
        #expect(track.fetchedAt == Date(timeIntervalSince1970: 100))
        let album = SpotifyID(kind: .album, value: "0sNOF9WDwhWunNAHPD3Baj")
        #expect(
            try await store.catalog.cacheStates(for: [album])[album]
                == .knownMissing(reason: .notFound, expiresAt: Date(timeIntervalSince1970: 300)))
        #expect(
            try await store.ledger.requestTimes(service: "spotify", since: .distantPast) == [
                Date(timeIntervalSince1970: 100)
            ]
        )
        #expect(
            try await SQLiteShell.query(path, "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                == AppDatabase.migrationIdentifiers.joined(separator: "\n"))
        let objects = try await SQLiteShell.query(
            path,
            """
            SELECT name FROM sqlite_master WHERE name IN ('library_track', 'track_match', 'lastfm_track',
                'musicbrainz_recording', 'listenbrainz_popularity', 'track_link', 'swingcache_play_counts',
                'swingcache_library') ORDER BY name
            """)
        #expect(objects.split(separator: "\n").count == 8)
    }

    @Test func aDryRunCleanupOfAVersionOneDatabaseReadsItWithoutMigrating() async throws {
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        let report = try await store.cleanup(now: Date(timeIntervalSince1970: 1000), dryRun: true)
        #expect(report.tracks == 1)
        #expect(report.providerFacts == 0)
        #expect(try await SQLiteShell.query(path, "SELECT COUNT(*) FROM grdb_migrations") == "1")
    }

    @Test func aReadOfAVersionOneDatabaseSeesAnEmptyLibraryAndWritesNothing() async throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)

        #expect(try await store.facts.enrichedTrack(filepath: "/music/a.flac") == nil)
        #expect(try await store.facts.enrichedTracks(spotifyID: "4iV5W9uYEdYUVa79Axb7Rh").isEmpty)
        #expect(try await store.library.storedMatches(for: ["/music/a.flac"]).isEmpty)
        let (rowCount, exported) = try await store.library.exportedLibrary(format: .json)
        #expect(rowCount == 0)
        #expect(String(decoding: exported, as: UTF8.self).filter { !$0.isWhitespace } == "[]")
        #expect(try await store.catalog.entity(SpotifyID(kind: .track, value: "4iV5W9uYEdYUVa79Axb7Rh")) != nil)

        #expect(try await SQLiteShell.query(path, "SELECT COUNT(*) FROM grdb_migrations") == "1")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
