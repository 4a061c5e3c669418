import Foundation

/// Sends one HTTP request and returns its answer: the seam between the Spotify client and the network.
///
/// Implementations: ``AsyncHTTPClientTransport`` for the real network; tests point it at the fixture server.
package protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
