import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// `swingcache_library_popularity` computes in SQL what ``LibraryPopularity`` computes in Swift, on the library's
/// figures, and `swingcache_library`, `explain`'s record and `publish` read it.
@Suite struct LibraryPopularityViewTests {
    /// One library file: its figures by source (nil: the source has none), and whose Last.fm key it shares.
    struct File: Sendable {
        var number: Int
        var isrc: String?
        var deezer: Int?
        var lastfm: Int?
        var listenbrainz: Int?
        /// A copy of file `copyOf`: the same ISRC and Last.fm key, so the same song.
        var copyOf: Int?
    }

    static let library: [File] = [
        File(number: 1, isrc: "AAAAA0000001", deezer: 900_000, lastfm: 2_000_000, listenbrainz: 50_000),
        File(number: 2, isrc: "AAAAA0000002", deezer: 400_000, lastfm: 30_000, listenbrainz: 400),
        File(number: 3, isrc: "AAAAA0000003", deezer: 400_000, lastfm: nil, listenbrainz: 900),
        File(number: 4, isrc: "AAAAA0000004", deezer: nil, lastfm: 30_000, listenbrainz: nil),
        File(number: 5, isrc: nil, deezer: nil, lastfm: 100, listenbrainz: nil),
        File(number: 6, isrc: "AAAAA0000006", deezer: 120_000, lastfm: nil, listenbrainz: 400),
        File(number: 7, isrc: "AAAAA0000007", deezer: nil, lastfm: nil, listenbrainz: nil),
        File(number: 8, isrc: "AAAAA0000001", copyOf: 1),
    ]

    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    @Test func theViewRanksEachSourceAndBlendsAsTheRuleDoesCountingCopiesOnce() async throws {
        let files = try await storeLibrary()
        let songs = Self.library.filter { $0.copyOf == nil }
        let figures = { (figure: (File) -> Int?) in
            Dictionary(uniqueKeysWithValues: songs.compactMap { file in figure(file).map { (file.number, $0) } })
        }
        let deezer = LibraryPopularity.percentiles(of: figures(\.deezer))
        let lastfm = LibraryPopularity.percentiles(of: figures(\.lastfm))
        let listenbrainz = LibraryPopularity.percentiles(of: figures(\.listenbrainz))
        for file in Self.library {
            let song = file.copyOf ?? file.number
            let percentiles = [deezer[song], lastfm[song], listenbrainz[song]].compactMap { $0 }
            let track = try await store.facts.enrichedTrack(filepath: files[file.number - 1].filepath)
            let popularity = try #require(track).popularity
            #expect(popularity.library == LibraryPopularity.blend(percentiles), "file \(file.number)")
            #expect(popularity.figures.map(\.percentile) == percentiles, "file \(file.number)")
            #expect(popularity.spotify == nil)
        }
        #expect(deezer == [1: 100, 2: 50, 3: 50, 6: 0], "the copy of song 1 does not count twice")
    }

    @Test func theLibraryViewShowsTheBlendAndItsSourcesAfterItsColumns() async throws {
        try await storeLibrary()
        let rows = try await SQLiteShell.query(
            store.path,
            "SELECT filepath, library_popularity, library_popularity_sources FROM swingcache_library ORDER BY filepath")
        #expect(
            rows.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst() }
                .map { $0.joined(separator: "|") }
                == [
                    "100|deezer,lastfm,listenbrainz", "39|deezer,lastfm,listenbrainz", "58|deezer,listenbrainz",
                    "50|lastfm", "0|lastfm", "8|deezer,listenbrainz", "|", "100|deezer,lastfm,listenbrainz",
                ])
        let columns = try await SQLiteShell.query(
            store.path, "SELECT group_concat(name, ',') FROM pragma_table_info('swingcache_library')")
        #expect(columns.hasSuffix(",total_play_count,seen_at,library_popularity,library_popularity_sources"))
    }

    @Test func publishReadsSpotifysPopularityBesideTheLibrarys() async throws {
        let files = try await storeLibrary()
        let spotifyID = "4iV5W9uYEdYUVa79Axb7Rh"
        try await store.catalog.save(
            FetchRecord(
                entities: [.track(Track(id: spotifyID, name: "Song 2", isrc: "AAAAA0000002", popularity: 71))],
                request: nil, fetchedAt: now, expiresAt: { _ in now }, missingExpiresAt: { _ in now }))
        try await store.library.save([.matched(files[1], to: spotifyID, at: now)])

        let tracks = try await store.publish.publishableTracks()
        let song2 = try #require(tracks.first { $0.filepath == files[1].filepath })
        #expect(song2.popularity.spotify == 71)
        #expect(song2.popularity.library == 39)
        #expect(tracks.count == Self.library.count)
        #expect(song2.popularity.ranking == 71)
    }

    @Test func aDatabaseAnOlderSwingcacheWroteIsReadWithoutMigratingAndShowsNoPopularityYet() async throws {
        let path = folder.file("older.sqlite")
        try AppDatabase.createDatabase(at: path, migratedUpTo: "v11-unmatched-listens")
        _ = try await SQLiteShell.query(
            path,
            """
            INSERT INTO library_track (filepath, fingerprint, title, lastfm_artist, lastfm_title, seen_at)
            VALUES ('/music/a.flac', 'v1:a', 'A', 'b', 'a', 0)
            """)

        let older = try AppDatabase.open(DatabaseLocation(path: path), access: .readOnly)
        let track = try await older.facts.enrichedTrack(filepath: "/music/a.flac")

        #expect(track?.popularity == SongPopularity())
        #expect(
            try await SQLiteShell.query(path, "SELECT COUNT(*) FROM grdb_migrations WHERE identifier LIKE 'v13%'")
                == "0")
    }

    /// Stores `library`: Deezer's ranks and ListenBrainz's listens by ISRC, Last.fm's listeners by the file's key.
    @discardableResult
    private func storeLibrary() async throws -> [LibraryTrackRecord] {
        let records = Self.library.map { file in
            var record = LibraryTrackRecord.numbered(file.number, isrc: file.isrc)
            let song = file.copyOf ?? file.number
            record.swingMusic = SwingMusicFileRecord(
                trackhash: "h\(song)", tagTitle: "Song \(song)", tagArtists: "Artist \(song)",
                tagAlbumArtists: "Artist \(song)", tagAlbum: "Album \(song)")
            if let original = file.copyOf {
                record.lastfmKey = LibraryTrackRecord.numbered(original).lastfmKey
            }
            return record
        }
        try await store.library.upsertLibraryTracks(records, seenAt: now)
        let expiry = now.addingTimeInterval(3600)
        var enrichment = EnrichmentRecord(request: nil)
        for (file, record) in zip(Self.library, records) where file.copyOf == nil {
            enrichment.facts.lastfmTracks.append(
                LastfmTrackFact(
                    key: record.lastfmKey, playCount: file.lastfm.map { $0 * 10 }, listeners: file.lastfm,
                    fetchedAt: now, expiresAt: expiry))
            guard let isrc = file.isrc else { continue }
            enrichment.facts.isrcFacts.append(
                ISRCFact(
                    table: .deezerTrack, isrc: isrc, figures: file.deezer.map { ["rank": .int($0)] } ?? [:],
                    missing: file.deezer == nil ? .notFound : nil, fetchedAt: now, expiresAt: expiry))
            enrichment.facts.musicbrainzRecordings.append(
                MusicBrainzRecordingFact(isrc: isrc, mbids: ["mbid-\(file.number)"], fetchedAt: now, expiresAt: expiry))
            enrichment.facts.listenbrainzPopularity.append(
                ListenBrainzPopularityFact(
                    mbid: "mbid-\(file.number)", listenCount: file.listenbrainz, userCount: nil, fetchedAt: now,
                    expiresAt: expiry))
        }
        try await store.facts.save(enrichment)
        return records
    }
}
