import Foundation

/// The answer a transport got: its status, headers and whole body.
package struct TransportResponse: Sendable {
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
