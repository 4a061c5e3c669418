import Foundation
import SwingCacheTestKit
import Testing

/// A listen of a song the library gains later: kept by the publish that read it, imported by the first publish after
/// the song is there — into the real SwingMusic, once. In ``PublishCommandTests``' suite, for a user of its own.
extension PublishCommandTests {
    @Test func aListenOfASongAddedLaterIsImportedOnceTheSongIsThere() async throws {
        let gina = try await makeUser("gina")
        let yonkers = Self.songs[1]
        let september = Self.songs[2]
        let listens: [[String: Any]] = [
            ["artist": yonkers.artist, "title": yonkers.title, "timestamp": 1_600_000_000],
            ["artist": september.artist, "title": september.title, "timestamp": 1_600_001_000],
            ["artist": yonkers.artist, "title": yonkers.title, "timestamp": 1_600_002_000],
        ]
        let server = try historyServer(["lastfm": [gina: listens]])
        try historySpec("gina.yaml", user: gina)
        func swingcache(_ arguments: [String]) async throws -> CommandLineRun {
            try await CommandLineRun.swingcache(arguments, in: folder.path, environment: environment(server: server))
        }
        func history(_ run: CommandLineRun) throws -> [String: Any] {
            let report = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
            return try #require((report?["history"] as? [[String: Any]])?.first, "\(run.standardOutput)")
        }
        let run = try await swingcache(["run", "gina.yaml"])
        #expect(run.status == 0, "\(run.standardError)")
        // The cache has not seen Yonkers yet, as when the file is added to SwingMusic after the listens were read.
        _ = try await SQLiteShell.query(
            folder.file("cache.sqlite"), "DELETE FROM swingmusic_track WHERE filepath LIKE '\(yonkers.file)'")

        let first = try await swingcache(["publish", "gina.yaml", "--json"])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try history(first)
        #expect(before["imported"] as? Int == 1, "\(before)")
        #expect(before["unmatched"] as? Int == 2, "\(before)")
        #expect(before["keptForLater"] as? Int == 2, "\(before)")

        let again = try await swingcache(["run", "gina.yaml"])
        #expect(again.status == 0, "\(again.standardError)")
        let second = try await swingcache(["publish", "gina.yaml", "--json"])
        #expect(second.status == 0, "\(second.standardError)")
        let after = try history(second)
        #expect(after["imported"] as? Int == 2, "\(after)")
        #expect(after["fromEarlierListens"] as? Int == 2, "\(after)")
        #expect(after["unmatched"] as? Int == 0, "\(after)")
        #expect(try await rowsPerSongAndSecond(gina) == expectedRows(listens), "every listen once in SwingMusic")

        let third = try await swingcache(["publish", "gina.yaml"])
        #expect(third.standardOutput.contains("0 plays imported"), "\(third.standardOutput)")
        #expect(try await rowsPerSongAndSecond(gina) == expectedRows(listens))
    }
}
