import FixtureServer
import Foundation
import Outbound
import SwingCache
import Testing

/// Runs `body` against a fixture server started for it on 127.0.0.1, and stops the server whatever happens.
func withFixtureServer<Result>(
    _ options: FixtureServerOptions = FixtureServerOptions(), clock: any RunClock = SystemClock(),
    _ body: (RunningFixtureServer) async throws -> Result
) async throws -> Result {
    try await FixtureServer.withRunning(options: options, clock: clock, body)
}

extension RunningFixtureServer {
    /// The root a client of `service` uses in place of the real host.
    func root(of service: FixtureService) throws -> URL {
        try #require(URL(string: url(of: service)))
    }
}

/// A URL written in a test, which must be one.
func url(_ text: String) throws -> URL {
    try #require(URL(string: text))
}

/// A root on a port nothing listens on, for transport failures.
func unreachableRoot() throws -> URL {
    try url("http://127.0.0.1:9")
}

/// An answer with a JSON body, for the cases the fixture server cannot stage.
func jsonResponse(_ status: Int = 200, _ body: String, headers: [String: String] = [:]) -> TransportResponse {
    TransportResponse(
        status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: Data(body.utf8))
}
