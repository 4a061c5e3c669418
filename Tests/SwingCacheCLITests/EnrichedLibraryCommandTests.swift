import CacheStore
import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

/// `export`, `explain` and `get`, the real binary, on a database holding a small enriched library.
@Suite struct EnrichedLibraryCommandTests {
    let spotifyID = SpotifyID(kind: .track, value: "4u7EnebtmKWzUH433cf5Qv")

    func enrichedLibrary(in folder: TemporaryDirectory) async throws {
        let store = try folder.store()
        let key = LastfmTrackKey(artist: "Queen", title: "Bohemian Rhapsody")
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/queen/bohemian, rhapsody.flac", fingerprint: "v1:a", title: "Bohemian Rhapsody",
                    artists: ["Queen"], album: "A Night at the Opera", durationSeconds: 355, lastfmKey: key,
                    localPlayCount: 12),
                LibraryTrackRecord(
                    filepath: "/music/other/\"quoted\".mp3", fingerprint: "v1:b", title: "Quoted", artists: ["Someone"],
                    localPlayCount: 3),
            ], seenAt: .testEpoch)
        try await store.facts.save(
            EnrichmentRecord(
                lastfmTracks: [
                    LastfmTrackFact(
                        key: key, playCount: 1000, listeners: 400, userPlayCount: 10, username: "alice",
                        fetchedAt: .testEpoch, expiresAt: .testEpoch.addingTimeInterval(7 * 86_400))
                ], request: nil))
        try await store.catalog.save(.fetched([spotifyID], at: .testEpoch, ttl: 12 * 3600))
        try await store.library.save([
            TrackMatchRecord(
                filepath: "/music/queen/bohemian, rhapsody.flac", fingerprint: "v1:a",
                match: TrackMatch(method: .search, outcome: .matched, spotifyID: spotifyID.value, confidence: 0.97),
                matchedAt: .testEpoch)
        ])
    }

    @Test func explainShowsTheMatchTheSourcesAndThePlayCountTerms() async throws {
        let folder = try TemporaryDirectory()
        try await enrichedLibrary(in: folder)

        let byPath = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/queen/bohemian, rhapsody.flac", "--db", "cache.sqlite"], in: folder.path)
        let byID = try await CommandLineRun.swingcache(
            ["explain", "track", spotifyID.uri, "--json", "--db", "cache.sqlite"], in: folder.path)
        let unknown = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/nowhere.mp3", "--db", "cache.sqlite"], in: folder.path)

        #expect(byPath.status == 0, "\(byPath.standardError)")
        #expect(
            byPath.standardOutput.contains(
                "match: matched by search, confidence 0.97, Spotify \(spotifyID.value) (used)"))
        #expect(byPath.standardOutput.contains("combined play count: 1002, the sum of"))
        #expect(byPath.standardOutput.contains("    spotify: +0 — Spotify's public API has no play counts"))
        #expect(
            byPath.standardOutput.contains("lastfm: fetched 2026-11-25T03:00:00Z, fresh until 2026-12-02T03:00:00Z"))
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(byID.standardOutput.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        let counts = try #require(records.first?["playCounts"] as? [String: Any])
        #expect(counts["totalCombined"] as? Int == 1002)
        #expect(counts["spotifyPlayCount"] is NSNull, "Spotify's public API has no play counts")
        #expect(unknown.status == 75)
        #expect(unknown.standardError.contains("'/music/nowhere.mp3' is not in the enriched library"))
    }

    @Test func explainShowsSwingMusicsHashTheRawTagsAndTheCopiesThatShareThePlays() async throws {
        let folder = try TemporaryDirectory()
        let store = try folder.store()
        func copy(_ path: String) -> LibraryTrackRecord {
            LibraryTrackRecord(
                filepath: path, fingerprint: "v1:c", title: "Get Lucky",
                artists: ["Daft Punk", "Pharrell Williams & Nile Rodgers"], album: "Random Access Memories",
                localPlayCount: 4,
                swingMusic: SwingMusicFileRecord(
                    trackhash: "45ada0910a9a7164", tagTitle: "Get Lucky (feat. Pharrell Williams & Nile Rodgers)",
                    tagArtists: "Daft Punk", tagAlbumArtists: "Daft Punk",
                    tagAlbum: "Random Access Memories (Deluxe Edition)"))
        }
        try await store.library.upsertLibraryTracks(
            [copy("/music/flac/lucky.flac"), copy("/music/mp3/lucky.mp3")], seenAt: .testEpoch)

        let explain = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/flac/lucky.flac", "--db", "cache.sqlite"], in: folder.path)
        let json = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/flac/lucky.flac", "--json", "--db", "cache.sqlite"], in: folder.path)

        #expect(explain.status == 0, "\(explain.standardError)")
        #expect(
            explain.standardOutput.contains(
                "shown: \"Get Lucky\" by Daft Punk, Pharrell Williams & Nile Rodgers on \"Random Access Memories\""))
        #expect(
            explain.standardOutput.contains(
                "swingmusic: track hash 45ada0910a9a7164, from the tags \"Get Lucky (feat. Pharrell Williams & Nile Rodgers)\" by Daft Punk"
            ))
        #expect(explain.standardOutput.contains("also on: /music/mp3/lucky.mp3"), "\(explain.standardOutput)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let swingMusic = try #require(records.first?["swingMusic"] as? [String: Any])
        #expect(swingMusic["trackhash"] as? String == "45ada0910a9a7164")
        #expect(swingMusic["songCopies"] as? [String] == ["/music/mp3/lucky.mp3"])

        let export = try await CommandLineRun.swingcache(
            ["export", "--format", "json", "--db", "cache.sqlite"], in: folder.path)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.first?["artists"] as? String == "Daft Punk, Pharrell Williams & Nile Rodgers")
        #expect(rows.first?["artists_json"] as? [String] == ["Daft Punk", "Pharrell Williams & Nile Rodgers"])
        #expect(rows.first?["swingmusic_trackhash"] as? String == "45ada0910a9a7164")
    }

    @Test func getTrackJSONCarriesTheLibraryFilesMatchedToIt() async throws {
        let folder = try TemporaryDirectory()
        try await enrichedLibrary(in: folder)

        let get = try await CommandLineRun.swingcache(
            [
                "get", "track", spotifyID.value, "--offline", "--json", "--db", "cache.sqlite", "--now",
                "2026-11-25T04:00:00Z",
            ],
            in: folder.path)

        #expect(get.status == 0, "\(get.standardError)")
        let answers = try #require(
            try JSONSerialization.jsonObject(with: Data(get.standardOutput.utf8)) as? [[String: Any]])
        let library = try #require(answers.first?["library"] as? [[String: Any]])
        #expect(library.map { $0["filepath"] as? String } == ["/music/queen/bohemian, rhapsody.flac"])
        let sources = try #require(library.first?["sources"] as? [String: Any])
        #expect(Set(sources.keys) == ["local", "spotify", "lastfm"])
    }

    @Test func explainAndGetShowDeezersFiguresWithTheirSourceAndTime() async throws {
        let folder = try TemporaryDirectory()
        let store = try folder.store()
        try await store.library.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/a.flac", fingerprint: "v1:a", title: "A", artists: ["B"], isrc: "GBAHS1600463",
                    lastfmKey: LastfmTrackKey(artist: "B", title: "A"))
            ], seenAt: .testEpoch)
        try await store.facts.save(
            EnrichmentRecord(
                isrcFacts: [
                    ISRCFact(
                        table: .deezerTrack, isrc: "GBAHS1600463",
                        figures: ["rank": .int(815_722), "bpm": .double(120), "gain": .null], fetchedAt: .testEpoch,
                        expiresAt: .testEpoch.addingTimeInterval(30 * 86_400))
                ], request: nil))

        let explain = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/a.flac", "--db", "cache.sqlite"], in: folder.path)
        let json = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/a.flac", "--json", "--db", "cache.sqlite"], in: folder.path)

        #expect(explain.status == 0, "\(explain.standardError)")
        #expect(explain.standardOutput.contains("  deezer track: bpm 120, rank 815722\n"), "\(explain.standardOutput)")
        #expect(
            explain.standardOutput.contains("  deezer: fetched 2026-11-25T03:00:00Z, fresh until 2026-12-25T03:00:00Z"))
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let facts = try #require(records.first?["facts"] as? [String: [String: Any]])
        #expect(facts["deezer_track"]?["rank"] as? Int == 815_722)
        #expect(facts["deezer_track"]?["gain"] is NSNull)
        let sources = try #require(records.first?["sources"] as? [String: Any])
        #expect(sources["deezer"] != nil)
    }

    @Test func explainGetAndExportShowTheLibraryPopularityBesideSpotifysWithItsSources() async throws {
        let folder = try TemporaryDirectory()
        try await enrichedLibrary(in: folder)
        let store = try folder.store()
        try await store.facts.save(
            EnrichmentRecord(
                lastfmTracks: [
                    LastfmTrackFact(
                        key: LastfmTrackKey(fileWithArtists: ["Someone"], albumArtists: [], title: "Quoted"),
                        playCount: 90,
                        listeners: 30,
                        fetchedAt: .testEpoch, expiresAt: .testEpoch.addingTimeInterval(7 * 86_400))
                ], request: nil))

        let explain = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/queen/bohemian, rhapsody.flac", "--db", "cache.sqlite"], in: folder.path)
        let json = try await CommandLineRun.swingcache(
            ["explain", "track", "/music/queen/bohemian, rhapsody.flac", "--json", "--db", "cache.sqlite"],
            in: folder.path)
        let export = try await CommandLineRun.swingcache(
            ["export", "--format", "json", "--db", "cache.sqlite"], in: folder.path)

        #expect(explain.status == 0, "\(explain.standardError)")
        #expect(
            explain.standardOutput.contains(
                "  popularity: Spotify not provided, library 100: the mean of Last.fm 400 listeners at percentile 100"
                    + " among the library's songs\n"), "\(explain.standardOutput)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let popularity = try #require(records.first?["popularity"] as? [String: Any])
        #expect(popularity["spotify"] is NSNull)
        #expect(popularity["library"] as? Int == 100)
        let figures = try #require(popularity["figures"] as? [[String: Any]])
        #expect(figures.first?["source"] as? String == "lastfm")
        #expect(figures.first?["figure"] as? Int == 400)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [[String: Any]])
        let blends = rows.map { "\($0["library_popularity"] ?? "-") \($0["library_popularity_sources"] ?? "-")" }
        #expect(blends.sorted() == ["0 lastfm", "100 lastfm"])
    }

    @Test func jsonIsOneArrayWithTheCombinedPlayCountOfEveryFile() async throws {
        let folder = try TemporaryDirectory()
        try await enrichedLibrary(in: folder)

        let export = try await CommandLineRun.swingcache(
            ["export", "--format", "json", "--db", "cache.sqlite"], in: folder.path)

        #expect(export.status == 0, "\(export.standardError)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let queen = try #require(rows.first { ($0["filepath"] as? String)?.contains("queen") == true })
        // 1000 on Last.fm, of which 10 are alice's; 2 of her 12 local plays Last.fm has not seen yet.
        #expect(queen["total_play_count"] as? Int == 1002)
    }

    @Test func csvToAFileIsQuotedAndAppearsOnlyWhenComplete() async throws {
        let folder = try TemporaryDirectory()
        try await enrichedLibrary(in: folder)

        let export = try await CommandLineRun.swingcache(
            ["export", "--format", "csv", "--output", "library.csv", "--db", "cache.sqlite"], in: folder.path)

        #expect(export.status == 0, "\(export.standardError)")
        #expect(export.standardError.contains("wrote 2 rows to library.csv"))
        let text = try String(contentsOfFile: folder.file("library.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3, "a header and two rows")
        #expect(text.contains("\"/music/queen/bohemian, rhapsody.flac\""))
        #expect(text.contains("\"/music/other/\"\"quoted\"\".mp3\""))
        #expect(!FileManager.default.fileExists(atPath: folder.file("library.csv.partial")))
    }

    @Test func anOutputInAMissingFolderFailsAndLeavesNothing() async throws {
        let folder = try TemporaryDirectory()
        try await enrichedLibrary(in: folder)
        let export = try await CommandLineRun.swingcache(
            ["export", "--output", "missing/library.json", "--db", "cache.sqlite"], in: folder.path)
        #expect(export.status == 1)
        #expect(export.standardError.contains("missing/library.json"))
    }
}
