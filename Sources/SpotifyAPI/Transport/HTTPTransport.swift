import Foundation

/// Sends one HTTP request and returns its answer: the seam between the Spotify client and the network.
///
/// Implementations: ``URLSessionTransport`` for the real network; tests point it at the fixture server.
package protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

package struct HTTPRequest: Sendable {
    package var method: String
    package var url: URL
    package var headers: [String: String]
    package var body: Data?

    package init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

package struct HTTPResponse: Sendable {
    package var status: Int
    /// Header names are stored lower-cased: servers send `Retry-After`, `retry-after` or anything between.
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    /// The value of a header, whatever case the server wrote its name in.
    package func header(_ name: String) -> String? { headers[name.lowercased()] }
}
