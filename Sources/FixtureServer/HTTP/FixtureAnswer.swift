import Hummingbird
import SwingCache

/// An answer as status, headers and finished JSON bytes, so faults can cut the body before Hummingbird sends it.
struct FixtureAnswer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields = [:]
    var body: [UInt8]

    /// A JSON answer with the given value as its body.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Self {
        FixtureAnswer(status: status, headers: headers, body: value.serialized)
    }

    /// A Web API error in Spotify's shape: `{"error":{"status":…,"message":…}}`, with `reason` when given.
    static func apiError(
        _ status: HTTPResponse.Status, _ message: String, reason: String? = nil, headers: HTTPFields = [:]
    ) -> FixtureAnswer {
        var error = [JSONMember("status", .int(status.code)), JSONMember("message", .string(message))]
        if let reason { error.append(JSONMember("reason", .string(reason))) }
        return json(.orderedObject([JSONMember("error", .orderedObject(error))]), status: status, headers: headers)
    }

    /// An Accounts service error in its own, flatter shape: `{"error":…,"error_description":…}`.
    static func accountsError(_ error: String, description: String) -> FixtureAnswer {
        let members = [JSONMember("error", .string(error)), JSONMember("error_description", .string(description))]
        return json(.orderedObject(members), status: .badRequest)
    }

    /// This answer as a 200 whose body stops halfway, as a connection cut mid-answer would leave it.
    var truncated: FixtureAnswer {
        FixtureAnswer(status: .ok, headers: headers, body: Array(body.prefix(body.count / 2)))
    }

    /// The Hummingbird response: `application/json` with a Content-Length, written in one piece.
    var response: Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
