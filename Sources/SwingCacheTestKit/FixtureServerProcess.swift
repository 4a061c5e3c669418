import Foundation

/// The real `spotify-fixture-server` binary, started on a free loopback port for command-line tests.
package final class FixtureServerProcess: Sendable {
    package let baseURL: String
    private let process: SpawnedProcess

    /// Starts the server with `arguments` and waits for its `listening on …` line.
    package init(_ arguments: [String] = []) throws {
        let binary = URL(fileURLWithPath: CommandLineRun.binary).deletingLastPathComponent()
            .appendingPathComponent("spotify-fixture-server")
        let process = try SpawnedProcess(
            binary.path, ["--port", "0"] + arguments, standardOutput: .pipe, standardError: .nullDevice)
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = process.standardOutput?.availableData ?? Data()
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("listening on ") else {
            process.send(SIGTERM)
            process.waitUntilExit()
            throw CommandLineRun.Failure(description: "the fixture server did not start: '\(line)'")
        }
        self.process = process
        baseURL = String(line.dropFirst("listening on ".count))
    }

    deinit {
        process.send(SIGTERM)
        process.waitUntilExit()
    }

    /// The environment that points swingcache at this server with the demo credentials.
    package var environment: [String: String] {
        [
            "SPOTIFY_CLIENT_ID": "swingcache-demo", "SPOTIFY_CLIENT_SECRET": "swingcache-demo-secret",
            "SWINGCACHE_SPOTIFY_API_URL": baseURL + "/v1", "SWINGCACHE_SPOTIFY_TOKEN_URL": baseURL + "/api/token",
        ]
    }

    /// The requests the server saw, from its `/__log`.
    package func requestLog() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(string: baseURL + "/__log")!)
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }
}
