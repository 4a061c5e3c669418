import Foundation
import SwingCacheTestKit
import Testing

/// What `get` says when it is asked the wrong way: the value quoted, and the command that would work.
@Suite struct GetMessagesTests {
    @Test func anAlbumLinkAskedForAsATrackNamesTheCommandForIt() throws {
        let folder = try TemporaryDirectory()
        let link = "https://open.spotify.com/album/0sNOF9WDwhWunNAHPD3Baj"
        let result = try CommandLineRun.swingcache(
            ["get", "track", link, "--offline"], in: folder.path,
            environment: ["SWINGCACHE_DB": folder.file("cache.sqlite")])
        #expect(result.status == 64)
        #expect(
            result.standardError.contains("'\(link)' is an album, not a track: ask for it with swingcache get album"))
    }
}

/// `get --now`: what it fetches is stamped with the time it judged freshness by.
@Suite struct GetClockTests {
    @Test func whatGetFetchesExpiresFromTheTimeItJudgedFreshnessBy() throws {
        let folder = try TemporaryDirectory()
        let server = try FixtureServerProcess()
        let database = folder.file("cache.sqlite")
        let result = try CommandLineRun.swingcache(
            ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--now", "2030-01-01T00:00:00Z"], in: folder.path,
            environment: server.environment.merging(["SWINGCACHE_DB": database]) { $1 })
        #expect(result.status == 0, "\(result.standardError)")
        let fetchedAt = Double(try SQLiteShell.query(database, "SELECT fetched_at FROM track")) ?? 0
        #expect(abs(fetchedAt - 1_893_456_000) < 120, "fetched at \(fetchedAt), judged at 2030-01-01")
    }
}
