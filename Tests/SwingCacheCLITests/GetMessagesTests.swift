import Foundation
import SwingCacheTestKit
import Testing

/// What `get` says when it is asked the wrong way: the value quoted, and the command that would work.
@Suite struct GetMessagesTests {
    @Test func anAlbumLinkAskedForAsATrackNamesTheCommandForIt() async throws {
        let folder = try TemporaryDirectory()
        let link = "https://open.spotify.com/album/0sNOF9WDwhWunNAHPD3Baj"
        let result = try await CommandLineRun.swingcache(
            ["get", "track", link, "--offline"], in: folder.path,
            environment: ["SWINGCACHE_DB": folder.file("cache.sqlite")])
        #expect(result.status == 64)
        #expect(
            result.standardError.contains("'\(link)' is an album, not a track: ask for it with swingcache get album"))
    }
}

/// `get` with many ids, options between them: every id answered in order, every bad one quoted as typed.
@Suite struct GetManyIDsTests {
    @Test func idsAmongOptionsAreEachAnsweredAndBadOnesQuotedAsTyped() async throws {
        let folder = try TemporaryDirectory()
        let ids = ["4iV5W9uYEdYUVa79Axb7Rh", "3n3Ppam7vgaVa1iaRUc9Lp", "spotify:track:0eGsygTp906u18L0Oimnem"]
        let asked = try await CommandLineRun.swingcache(
            ["get", "track"] + ids.prefix(2) + ["--offline", "--json", ids[2], ids[0]], in: folder.path,
            environment: ["SWINGCACHE_DB": folder.file("cache.sqlite")])
        #expect(asked.status == 75, "\(asked.standardError)")
        let answers = try #require(
            try JSONSerialization.jsonObject(with: Data(asked.standardOutput.utf8)) as? [[String: Any]])
        #expect(answers.count == 3, "the repeated id is answered once")
        let wrong = try await CommandLineRun.swingcache(
            ["get", "track", ids[0], "spotify:album:0sNOF9WDwhWunNAHPD3Baj", "not-an-id", ids[1], "--offline"],
            in: folder.path, environment: ["SWINGCACHE_DB": folder.file("cache.sqlite")])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("'spotify:album:0sNOF9WDwhWunNAHPD3Baj' is an album, not a track"))
        #expect(wrong.standardError.contains("'not-an-id' is not a Spotify id"))
    }
}

/// `get --now`: what it fetches is stamped with the time it judged freshness by.
@Suite struct GetClockTests {
    @Test func whatGetFetchesExpiresFromTheTimeItJudgedFreshnessBy() async throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess()
        let database = folder.file("cache.sqlite")
        let result = try await CommandLineRun.swingcache(
            ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--now", "2030-01-01T00:00:00Z"], in: folder.path,
            environment: server.environment.merging(["SWINGCACHE_DB": database]) { $1 })
        #expect(result.status == 0, "\(result.standardError)")
        let fetchedAt = Double(try await SQLiteShell.query(database, "SELECT fetched_at FROM track")) ?? 0
        #expect(abs(fetchedAt - 1_893_456_000) < 120, "fetched at \(fetchedAt), judged at 2030-01-01")
    }
}
