import Foundation
import SwingCacheTestKit
import Testing

/// The first SIGTERM gives the request in flight a grace period, then abandons it: a trickling answer cannot hold a
/// stopped run until its deadline.
@Suite struct StopDuringATricklingAnswerTests {
    @Test func theFirstSignalAbandonsAnAnswerStillTricklingAfterTheGracePeriod() async throws {
        let folder = try TemporaryDirectory()
        try folder.write("job.yaml", "name: stop\ntargets:\n  tracks: [4iV5W9uYEdYUVa79Axb7Rh]\n")
        let server = try FixtureServerProcess()
        let trickling = try TricklingServer(byteEvery: 0.05)
        var environment = server.environment
        environment["SWINGCACHE_DB"] = folder.file("cache.sqlite")
        environment["SWINGCACHE_SPOTIFY_API_URL"] = "http://127.0.0.1:\(trickling.port)/v1"
        environment["SWINGCACHE_HTTP_DEADLINE"] = "10m"
        let run = try RunningCommand(["run", "job.yaml", "--verbose"], in: folder.path, environment: environment)
        #expect(trickling.waitForRequest(), "the catalog request is in flight, its answer trickling for 500 s")
        let signalled = ContinuousClock.now
        run.send(SIGTERM)
        let result = run.finish()
        #expect(ContinuousClock.now - signalled < .seconds(30), "the grace period is 5 s, not the 10 min deadline")
        #expect(result.status == 75, "a clean stop: \(result.standardError)")
        #expect(result.standardOutput.contains("stopped by a signal"), "\(result.standardOutput)")
        let stored = try await SQLiteShell.query(folder.file("cache.sqlite"), "SELECT COUNT(*) FROM track")
        #expect(stored == "0", "nothing of the abandoned answer is stored")
    }
}
