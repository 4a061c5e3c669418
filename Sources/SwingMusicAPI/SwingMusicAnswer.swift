import Foundation
import Outbound
import SwingCache

/// What one request to SwingMusic's API came to, classified as publishing must treat it.
///
/// | status | answer | action |
/// |---|---|---|
/// | 2xx | `ok` with the body | store |
/// | 401 | `unauthorized`: a wrong password, or a token SwingMusic no longer accepts | stop |
/// | 403 | `forbidden`: the account lacks a right (restoring a backup needs an admin) | skip |
/// | 404, 409 | `notFound`, `conflict`: the caller reads them | skip |
/// | 5xx, no answer | `serverError`, `transportFailed` | retry |
package enum SwingMusicAnswer: Hashable, Sendable {
    case ok(Data)
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    case conflict(String)
    case serverError(status: Int)
    case unexpectedStatus(Int, String)
    /// No answer: the connection failed or timed out.
    case transportFailed(String)
    /// The request was not sent: it cannot be valid.
    case invalidRequest(String)

    /// The answer's body as JSON of `type`, or nil when it is not one.
    package func decoded<Payload: Decodable>(_ type: Payload.Type) -> Payload? {
        guard case .ok(let body) = self else { return nil }
        return try? JSONDecoder().decode(type, from: body)
    }
}

extension SwingMusicAnswer: ProviderAnswer, OutboundAnswer {
    package var action: OutboundAction {
        switch self {
        case .ok: .store
        case .unauthorized: .stop
        case .forbidden, .notFound, .conflict, .invalidRequest: .skip
        case .serverError, .transportFailed: .retry(after: nil)
        case .unexpectedStatus: .fail
        }
    }
}

extension SwingMusicAnswer: CustomStringConvertible {
    package var description: String {
        switch self {
        case .ok(let body): "answered (\(body.count) bytes)"
        case .unauthorized(let message): "refused the account (401: \(message))"
        case .forbidden(let message): "refused the request (403: \(message))"
        case .notFound(let message): "not found (404: \(message))"
        case .conflict(let message): "conflict (409: \(message))"
        case .serverError(let status): "server error \(status)"
        case .unexpectedStatus(let status, let message): "unexpected status \(status): \(message)"
        case .transportFailed(let reason): "no answer: \(reason)"
        case .invalidRequest(let reason): "not sent: \(reason)"
        }
    }
}

package typealias SwingMusicExchange = EnrichmentExchange<SwingMusicRequest, SwingMusicAnswer>

/// One request to SwingMusic's API: its method, its path below the server's root, and its body.
package struct SwingMusicRequest: Sendable, Hashable {
    package var method: String
    package var path: String
    package var query: [String: String]
    package var body: Data?
    package var contentType: String?

    package init(
        method: String = "GET", path: String, query: [String: String] = [:], body: Data? = nil,
        contentType: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.contentType = contentType
    }

    /// A request whose body is `object` as JSON.
    package static func json(_ method: String, _ path: String, _ object: some Encodable) -> SwingMusicRequest {
        SwingMusicRequest(
            method: method, path: path, body: try? JSONEncoder().encode(object), contentType: "application/json")
    }

    /// Whether sending the request twice does what sending it once does: reads, settings and deletes do; a restore,
    /// a new playlist or songs added would happen twice. Logging in only hands out another token.
    package var isIdempotent: Bool { method != "POST" || path == "/auth/login" }

    /// The endpoint as the ledger and logs name it: `POST /playlists/{id}/add`.
    package var endpoint: String {
        let generic = path.split(separator: "/").map { $0.allSatisfy(\.isNumber) ? "{id}" : String($0) }
        return "\(method) /\(generic.joined(separator: "/"))"
    }
}
