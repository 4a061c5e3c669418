import CacheStore
import Foundation
import SwingCacheTestKit
import Testing

/// `swingcache export`, the real binary, on a database holding a small enriched library.
@Suite struct ExportCommandTests {
    func enrichedLibrary(in folder: TemporaryDirectory) throws {
        let store = try folder.store()
        let key = LastfmTrackKey(artist: "Queen", title: "Bohemian Rhapsody")
        try store.upsertLibraryTracks(
            [
                LibraryTrackRecord(
                    filepath: "/music/queen/bohemian, rhapsody.flac", fingerprint: "v1:a", title: "Bohemian Rhapsody",
                    artists: ["Queen"], album: "A Night at the Opera", durationSeconds: 355, lastfmKey: key,
                    localPlayCount: 12),
                LibraryTrackRecord(
                    filepath: "/music/other/\"quoted\".mp3", fingerprint: "v1:b", title: "Quoted", artists: ["Someone"],
                    localPlayCount: 3),
            ], seenAt: .testEpoch)
        try store.save(
            EnrichmentRecord(
                lastfmTracks: [
                    LastfmTrackFact(
                        key: key, playCount: 1000, listeners: 400, userPlayCount: 10, username: "alice",
                        fetchedAt: .testEpoch, expiresAt: .testEpoch.addingTimeInterval(7 * 86_400))
                ], request: nil))
    }

    @Test func jsonIsOneArrayWithTheCombinedPlayCountOfEveryFile() throws {
        let folder = try TemporaryDirectory()
        try enrichedLibrary(in: folder)

        let export = try CommandLineRun.swingcache(
            ["export", "--format", "json", "--db", "cache.sqlite"], in: folder.path)

        #expect(export.status == 0, "\(export.standardError)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let queen = try #require(rows.first { ($0["filepath"] as? String)?.contains("queen") == true })
        // 1000 on Last.fm, of which 10 are alice's; 2 of her 12 local plays Last.fm has not seen yet.
        #expect(queen["total_play_count"] as? Int == 1002)
    }

    @Test func csvToAFileIsQuotedAndAppearsOnlyWhenComplete() throws {
        let folder = try TemporaryDirectory()
        try enrichedLibrary(in: folder)

        let export = try CommandLineRun.swingcache(
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

    @Test func anOutputInAMissingFolderFailsAndLeavesNothing() throws {
        let folder = try TemporaryDirectory()
        try enrichedLibrary(in: folder)
        let export = try CommandLineRun.swingcache(
            ["export", "--output", "missing/library.json", "--db", "cache.sqlite"], in: folder.path)
        #expect(export.status == 1)
        #expect(export.standardError.contains("missing/library.json"))
    }
}
