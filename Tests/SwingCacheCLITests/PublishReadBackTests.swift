import Foundation
import SwingCacheTestKit
import Testing

/// A playlist counts as published with the songs SwingMusic lists for it. In ``PublishCommandTests``' suite, as bob:
/// his playlists are his own, made through the API (he is no admin), so the admin's stay the first test's.
extension PublishCommandTests {
    @Test func aPlaylistIsRecordedWithTheSongsSwingMusicListsAndASongItDropsIsReported() async throws {
        let run = try await swingcache(["run", "library.yaml"])
        #expect(run.status == 0, "\(run.standardError)")
        let cache = folder.file("cache.sqlite")
        // A hash SwingMusic does not know: its add answers 200 and shows nothing.
        let unknown = "0123456789abcdef"
        _ = try await SQLiteShell.query(
            cache, "UPDATE swingmusic_track SET trackhash = '\(unknown)' WHERE filepath LIKE '%04 September.mp3'")
        var environment = environment()
        environment["SWINGMUSIC_USERNAME"] = "bob"
        environment["SWINGMUSIC_PASSWORD"] = "bob-pass"

        let publish = try await CommandLineRun.swingcache(
            ["publish", "library.yaml", "--json"], in: folder.path, environment: environment)

        #expect(publish.status == 0, "\(publish.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(publish.standardOutput.utf8)) as? [String: Any])
        let notes = (report["playlists"] as? [[String: Any]] ?? []).compactMap { $0["note"] as? String }
        #expect(notes.contains { $0.contains("(1 not shown): the next publish tries again") }, "\(notes)")
        #expect(
            try await SQLiteShell.query(
                cache, "SELECT COUNT(*) FROM published_playlist WHERE trackhashes LIKE '%\(unknown)%'") == "0",
            "what is recorded is what SwingMusic lists")
        #expect(
            try await SQLiteShell.query(cache, "SELECT COUNT(*) FROM published_playlist WHERE account LIKE 'bob@%'")
                != "0")
    }
}
