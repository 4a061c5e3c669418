import Foundation
import Testing

/// One answer from the fixture server, with the parts the tests look at.
struct HTTPExchange {
    let status: Int
    let retryAfter: String?
    let contentType: String?
    /// Response headers by lowercase name.
    let headers: [String: String]
    let body: Data

    /// The body as a JSON object, or an empty one when it is not one (the failing expectation says enough).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// The body as a JSON array, or an empty one when it is not one.
    var array: [Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [Any] ?? []
    }

    /// `error.message` of a Web API error body.
    var errorMessage: String? {
        (object["error"] as? [String: Any])?["message"] as? String
    }

    /// The body as text, for exact comparisons with Spotify's documented error bodies.
    var text: String {
        String(decoding: body, as: UTF8.self)
    }
}
