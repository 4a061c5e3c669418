import FixtureServer
import Foundation
import SwingCache
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Talks HTTP to an in-process fixture server as a client would, with URLSession (swingcache itself sends with
/// AsyncHTTPClient).
struct FixtureClient {
    let server: RunningFixtureServer
    private let session: URLSession

    init(server: RunningFixtureServer) {
        self.server = server
        session = URLSession(configuration: .ephemeral)
    }

    /// `POST /api/token` with Basic credentials and the client-credentials grant.
    func requestToken(
        clientID: String = "swingcache-demo", clientSecret: String = "swingcache-demo-secret"
    ) async throws -> HTTPExchange {
        var request = URLRequest(url: URL(string: server.tokenURL)!)
        request.httpMethod = "POST"
        let credentials = Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
        request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("grant_type=client_credentials".utf8)
        return try await send(request)
    }

    /// A fresh access token for the default demo client.
    func accessToken() async throws -> String {
        let exchange = try await requestToken()
        return try #require(exchange.object["access_token"] as? String)
    }

    /// `GET` of `pathAndQuery` below the server's base URL, with `Authorization: Bearer token` when given.
    func get(_ pathAndQuery: String, token: String?) async throws -> HTTPExchange {
        var request = URLRequest(url: URL(string: server.baseURL + pathAndQuery)!)
        if let token {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        return try await send(request)
    }

    /// A request of any method to `pathAndQuery` below the server's base URL, with exactly the given headers and body.
    func send(
        _ pathAndQuery: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil
    ) async throws -> HTTPExchange {
        var request = URLRequest(url: try #require(URL(string: server.baseURL + pathAndQuery)))
        request.httpMethod = method
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = body
        return try await send(request)
    }

    /// Lets URLSession release its connections once the test is done with them.
    func finish() {
        session.finishTasksAndInvalidate()
    }

    private func send(_ request: URLRequest) async throws -> HTTPExchange {
        let (body, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for case (let name as String, let value as String) in http.allHeaderFields {
            headers[name.lowercased()] = value
        }
        return HTTPExchange(
            status: http.statusCode,
            retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
            contentType: http.value(forHTTPHeaderField: "Content-Type"),
            headers: headers,
            body: body)
    }
}

/// Runs `body` against a fresh server started with `options` and `clock`, and stops the server whatever happens.
func withFixtureServer<Result>(
    _ options: FixtureServerOptions = .init(), requestLogFile: String? = nil, clock: any RunClock = SystemClock(),
    _ body: (FixtureClient) async throws -> Result
) async throws -> Result {
    try await FixtureServer.withRunning(options: options, requestLogFile: requestLogFile, clock: clock) { server in
        let client = FixtureClient(server: server)
        defer { client.finish() }
        return try await body(client)
    }
}

/// `pairs` as a URL query, every character but the unreserved ones percent-encoded, spaces as `%20`.
func queryString(_ pairs: KeyValuePairs<String, String>) -> String {
    var unreserved = CharacterSet.alphanumerics
    unreserved.insert(charactersIn: "-._~")
    func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
    return pairs.map { "\(encoded($0.key))=\(encoded($0.value))" }.joined(separator: "&")
}
