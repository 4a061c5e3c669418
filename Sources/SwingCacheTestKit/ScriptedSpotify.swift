import Foundation
import Outbound
import SpotifyAPI

/// Minimal Spotify answers for ``ScriptedTransport``: a token endpoint and catalog endpoints that know every
/// id except those starting with `0000`, with hooks to answer a particular request differently.
package enum ScriptedSpotify {
    package static let apiURL = URL(string: "http://scripted.invalid/v1")!
    package static let tokenURL = URL(string: "http://scripted.invalid/api/token")!

    /// What the catalog part answers: `nil` from `override` means "answer normally".
    package static func responder(
        override: @escaping @Sendable (TransportRequest) -> TransportResponse? = { _ in nil }
    ) -> ScriptedTransport.Responder {
        { request in
            if request.url.path.hasSuffix("/api/token") { return ScriptedTransport.tokenResponse() }
            if let special = override(request) { return special }
            return catalogAnswer(request)
        }
    }

    package static func catalogAnswer(_ request: TransportRequest) -> TransportResponse {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)!
        let parts = components.path.split(separator: "/").map(String.init)
        guard let plural = parts.dropFirst().first, ["tracks", "albums", "artists"].contains(plural) else {
            return error(404, "Service not found")
        }
        if parts.count == 3 {
            let id = parts[2]
            if id.hasPrefix("0000") { return error(404, "Resource not found") }
            return json(200, object(plural, id))
        }
        let ids = components.queryItems?.first { $0.name == "ids" }?.value?.split(separator: ",").map(String.init) ?? []
        let elements = ids.map { $0.hasPrefix("0000") ? "null" : object(plural, $0) }
        return json(200, #"{"\#(plural)":[\#(elements.joined(separator: ","))]}"#)
    }

    package static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> TransportResponse {
        TransportResponse(
            status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: Data(body.utf8)
        )
    }

    /// An error answer in the Web API's shape: `{"error":{"status":…,"message":…[,"reason":…]}}`.
    package static func error(
        _ status: Int, _ message: String, reason: String? = nil, headers: [String: String] = [:]
    ) -> TransportResponse {
        let reasonField = reason.map { #","reason":"\#($0)""# } ?? ""
        return json(
            status, #"{"error":{"status":\#(status),"message":"\#(message)"\#(reasonField)}}"#, headers: headers)
    }

    /// Whether a request went to a batch endpoint.
    package static func isBatch(_ request: TransportRequest) -> Bool { request.url.query?.contains("ids=") ?? false }

    /// The ids a catalog request asked for.
    package static func ids(of request: TransportRequest) -> [String] {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)!
        if let list = components.queryItems?.first(where: { $0.name == "ids" })?.value {
            return list.split(separator: ",").map(String.init)
        }
        return [components.path.split(separator: "/").last.map(String.init) ?? ""]
    }

    static func object(_ plural: String, _ id: String) -> String {
        switch plural {
        case "tracks":
            #"{"id":"\#(id)","name":"Track \#(id.prefix(4))","album":{"id":"0sNOF9WDwhWunNAHPD3Baj","name":"Album","release_date":"2020-01-01","images":[{"url":"https://i.scdn.co/image/a","width":640}]},"artists":[{"id":"0OdUWJ0sBjDrqHygGUXeCF","name":"Artist"}],"external_ids":{"isrc":"USABC2000001"},"duration_ms":200000,"explicit":false,"track_number":1,"disc_number":1,"available_markets":["US","DE"]}"#
        case "albums":
            #"{"id":"\#(id)","name":"Album \#(id.prefix(4))","album_type":"album","artists":[{"id":"0OdUWJ0sBjDrqHygGUXeCF","name":"Artist"}],"release_date":"2020-01-01","release_date_precision":"day","total_tracks":10,"external_ids":{"upc":"00000000001"},"genres":[],"images":[]}"#
        default:
            #"{"id":"\#(id)","name":"Artist \#(id.prefix(4))","genres":["pop"],"images":[]}"#
        }
    }
}
