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
