import Foundation
import Outbound
import Synchronization

/// An ``HTTPTransport`` that answers from a script and remembers what it was asked: for the few cases a real
/// server cannot stage precisely (a token fetch raced by many callers, a header in an odd case).
package final class ScriptedTransport: HTTPTransport {
    package typealias Responder = @Sendable (TransportRequest) async throws -> TransportResponse

    private let responder: Responder
    private let log = Mutex<[TransportRequest]>([])

    package init(_ responder: @escaping Responder) {
        self.responder = responder
    }

    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        log.withLock { $0.append(request) }
        return try await responder(request)
    }

    package var requests: [TransportRequest] { log.withLock { $0 } }

    /// A token answer in Spotify's shape.
    package static func tokenResponse(_ token: String = "scripted-token", expiresIn: Int = 3600) -> TransportResponse {
        TransportResponse(
            status: 200, headers: ["Content-Type": "application/json"],
            body: Data(#"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(expiresIn)}"#.utf8))
    }
}
