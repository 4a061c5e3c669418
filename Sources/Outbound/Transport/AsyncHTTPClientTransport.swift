import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// ``HTTPTransport`` over AsyncHTTPClient, on SwiftNIO's event loops.
///
/// Waiting for an answer costs no CPU: the event loop sleeps in `epoll` until bytes arrive (libcurl under URLSession
/// polled, about 18 CPU seconds per minute of waiting). Two limits keep a batch job from hanging on the network:
/// `timeout`, the longest the server may stay silent, and `deadline`, the longest a whole exchange may take — a server
/// that trickles one byte every few seconds never trips the first, always the second. Failures are
/// ``HTTPTransportError``s: sentences. A request goes through the proxy the environment names for its scheme, as it
/// did with libcurl (``ProxySettings``).
///
/// ```swift
/// let transport = AsyncHTTPClientTransport(timeout: 30, deadline: 60)
/// let answer = try await transport.send(TransportRequest(url: URL(string: "http://127.0.0.1:8899/v1/tracks/…")!))
/// ```
package final class AsyncHTTPClientTransport: HTTPTransport {
    /// The largest answer body read; no service swingcache asks sends one near it.
    static let largestBody = 256 * 1024 * 1024

    private let direct: HTTPClient
    /// A client per proxy the environment names (``ProxySettings``), as libcurl honoured them.
    private let proxied: [ProxySettings.Server: HTTPClient]
    private let proxies: ProxySettings
    private let timeout: TimeInterval
    private let deadline: TimeInterval

    package init(timeout: TimeInterval = 30, deadline: TimeInterval = 60, proxies: ProxySettings = ProxySettings()) {
        self.timeout = timeout
        self.deadline = deadline
        self.proxies = proxies
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: Self.timeAmount(timeout)))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 2
        // A refused connection is said at once, as the run's retry policy decides what follows; the pool would
        // otherwise try again until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        direct = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        var proxied: [ProxySettings.Server: HTTPClient] = [:]
        for server in Set(proxies.servers.values) {
            var throughProxy = configuration
            let authorization = server.user.map {
                HTTPClient.Authorization.basic(username: $0, password: server.password ?? "")
            }
            throughProxy.proxy = .server(host: server.host, port: server.port, authorization: authorization)
            proxied[server] = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: throughProxy)
        }
        self.proxied = proxied
    }

    deinit {
        for client in [direct] + proxied.values { client.shutdown { _ in } }
    }

    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        let host = HTTPTransportError.host(of: request.url)
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(data: body)) }
        do {
            return try await exchange(outgoing, to: request.url, host: host)
        } catch let error as HTTPTransportError {
            throw error
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw HTTPTransportError(error, host: host, idleTimeout: timeout)
        }
    }

    /// The whole answer, head and body, or an error when the deadline passes first: AsyncHTTPClient's own deadline
    /// ends with the head, so the body is raced here.
    private func exchange(_ request: HTTPClientRequest, to url: URL, host: String) async throws -> TransportResponse {
        let client = proxies.proxy(for: url).flatMap { proxied[$0] } ?? direct
        let deadline = self.deadline
        return try await withThrowingTaskGroup(of: TransportResponse?.self) { group in
            group.addTask {
                let response = try await client.execute(request, deadline: .now() + Self.timeAmount(deadline))
                let body = try await response.body.collect(upTo: Self.largestBody)
                var headers: [String: String] = [:]
                for (name, value) in response.headers {
                    headers[name.lowercased()] = headers[name.lowercased()].map { "\($0), \(value)" } ?? value
                }
                return TransportResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: body))
            }
            group.addTask {
                try await Task.sleep(for: .seconds(deadline))
                return nil
            }
            defer { group.cancelAll() }
            guard let response = try await group.next() ?? nil else {
                throw HTTPTransportError(.deadline(seconds: deadline), host: host)
            }
            return response
        }
    }

    private static func timeAmount(_ seconds: TimeInterval) -> TimeAmount {
        .nanoseconds(Int64(min(seconds, 365 * 86_400) * 1_000_000_000))
    }
}
