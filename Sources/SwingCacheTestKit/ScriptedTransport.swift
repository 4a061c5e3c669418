import Foundation
import SpotifyAPI
import Synchronization

/// An ``HTTPTransport`` that answers from a script and remembers what it was asked: for the few cases a real
/// server cannot stage precisely (a token fetch raced by many callers, a header in an odd case).
package final class ScriptedTransport: HTTPTransport {
    package typealias Responder = @Sendable (HTTPRequest) async throws -> HTTPResponse

    private let responder: Responder
    private let log = Mutex<[HTTPRequest]>([])

    package init(_ responder: @escaping Responder) {
        self.responder = responder
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        log.withLock { $0.append(request) }
        return try await responder(request)
    }

    package var requests: [HTTPRequest] { log.withLock { $0 } }

    /// A token answer in Spotify's shape.
    package static func tokenResponse(_ token: String = "scripted-token", expiresIn: Int = 3600) -> HTTPResponse {
        HTTPResponse(
            status: 200, headers: ["Content-Type": "application/json"],
            body: Data(#"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(expiresIn)}"#.utf8))
    }
}
