import Foundation
import Outbound

/// SwingMusic's own API, one request at a time, as the logged-in account: no pacing and no retries here — the
/// publisher sends through the outbound pipeline.
///
/// ```swift
/// let client = SwingMusicClient(account: account, transport: AsyncHTTPClientTransport())
/// let login = await client.login()                     // keeps the token for the requests after it
/// let playlists = await client.send(.init(path: "/playlists", query: ["no_images": "true"]))
/// ```
package final class SwingMusicClient: Sendable {
    package let account: SwingMusicAccount
    private let sender: ProviderRequestSender
    private let token = TokenBox()

    package init(
        account: SwingMusicAccount, userAgent: ProviderUserAgent = .standard, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.account = account
        sender = ProviderRequestSender(root: account.url, userAgent: userAgent, transport: transport, now: now)
    }

    /// `POST /auth/login`: on success the access token goes with every later request.
    package func login() async -> SwingMusicExchange {
        struct Credentials: Encodable {
            var username: String
            var password: String
        }
        struct Login: Decodable {
            var accesstoken: String
        }
        let request = SwingMusicRequest.json(
            "POST", "/auth/login", Credentials(username: account.username, password: account.password))
        let exchange = await send(request)
        if let login = exchange.answer.decoded(Login.self) { token.set(login.accesstoken) }
        return exchange
    }

    /// Sends `request` with the token of the last login, and classifies the answer.
    package func send(_ request: SwingMusicRequest) async -> SwingMusicExchange {
        var headers: [String: String] = [:]
        if let contentType = request.contentType { headers["Content-Type"] = contentType }
        if let bearer = token.value { headers["Authorization"] = "Bearer \(bearer)" }
        let query =
            request.query.isEmpty
            ? nil : ProviderURL.query(request.query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let account = account
        return await sender.exchange(
            request, problem: nil,
            url: ProviderURL.make(root: account.url, path: request.path, percentEncodedQuery: query),
            method: request.method, headers: headers, body: request.body
        ) { Self.classify($0, account: account) }
    }

    static func classify(_ response: TransportResponse, account: SwingMusicAccount) -> SwingMusicAnswer {
        let message = account.redacting(Self.message(in: response.body))
        switch response.status {
        case 200...299: return .ok(response.body)
        case 401: return .unauthorized(message)
        case 403: return .forbidden(message)
        case 404: return .notFound(message)
        case 409: return .conflict(message)
        case 500...599: return .serverError(status: response.status)
        default: return .unexpectedStatus(response.status, message)
        }
    }

    /// SwingMusic's error text (`msg`, `error` or `message`), or the start of the body.
    static func message(in body: Data) -> String {
        struct Problem: Decodable {
            var msg: String?
            var error: String?
            var message: String?
        }
        if let problem = try? JSONDecoder().decode(Problem.self, from: body),
            let text = problem.msg ?? problem.error ?? problem.message
        {
            return text
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no message" : text
    }
}

/// The access token of the last login, shared by the requests of one client.
private final class TokenBox: @unchecked Sendable {
    private let lock = NSLock()
    private var token: String?

    var value: String? { lock.withLock { token } }
    func set(_ value: String) { lock.withLock { token = value } }
}
