import Foundation
import SwingCacheTestKit

/// What waiting for the network costs: the CPU the real `swingcache get` spends while the fixture server holds each
/// answer back, against the same `get` answered at once (starting the process, the token and the request).
///
/// Goal (issue 28): under 0.1 CPU seconds per minute of waiting. The server runs in a process of its own, so only
/// the client's CPU is counted (`RUSAGE_CHILDREN` of the waited-for `swingcache`).
struct WaitBenchmark {
    var latencySeconds = 10

    func run() throws {
        print("swingcache-bench: waiting for the network, each answer to swingcache get held \(latencySeconds) s")
        let prompt = try measure(latencyMilliseconds: 0)
        let held = try measure(latencyMilliseconds: latencySeconds * 1000)
        let waitedMinutes = max(held.wall - prompt.wall, 0.001) / 60
        let perMinute = max(held.cpu - prompt.cpu, 0) / waitedMinutes
        print(
            String(
                format:
                    "  answered at once: %.2f s, %.3f CPU s; held back: %.2f s, %.3f CPU s; waiting costs %.3f CPU s per minute (goal < 0.1)",
                prompt.wall, prompt.cpu, held.wall, held.cpu, perMinute))
    }

    /// The wall time and the CPU seconds (user and system) of one `swingcache get` against a server whose every answer
    /// waits `latencyMilliseconds`.
    private func measure(latencyMilliseconds: Int) throws -> (wall: Double, cpu: Double) {
        let server = try FixtureServerProcess(["--latency-ms", "\(latencyMilliseconds)"])
        let folder = try TemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment.merging(server.environment) { $1 }
        environment["HOME"] = folder.path
        let before = childrenCPUSeconds()
        let start = monotonicSeconds()
        let get = try SpawnedProcess(
            CommandLineRun.binary, ["get", "track", "4iV5W9uYEdYUVa79Axb7Rh", "--db", folder.file("cache.sqlite")],
            environment: environment, standardOutput: .nullDevice, standardError: .nullDevice)
        let status = get.waitUntilExit()
        let wall = monotonicSeconds() - start
        if status != 0 { print("  swingcache get exited \(status): the figure below is not a waiting one") }
        return (wall, childrenCPUSeconds() - before)
    }

    private func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
