import Foundation

/// Sends one provider request the way every client does: a request that cannot be valid is refused unsent, a sent
/// one carries the User-Agent and is timed, and a failure to get any answer never quotes the secret.
package struct ProviderRequestSender: Sendable {
    package let root: URL
    package let userAgent: ProviderUserAgent
    package let transport: any HTTPTransport
    package let now: @Sendable () -> Date

    package init(
        root: URL, userAgent: ProviderUserAgent, transport: any HTTPTransport, now: @escaping @Sendable () -> Date
    ) {
        self.root = root
        self.userAgent = userAgent
        self.transport = transport
        self.now = now
    }

    /// Sends `method` to `url` unless `problem` says the request cannot be valid (or there is no `url`), and
    /// classifies the answer.
    package func exchange<Request: Sendable, Answer: ProviderAnswer>(
        _ request: Request, problem: String?, url: URL?, method: String = "GET", headers: [String: String] = [:],
        body: Data? = nil, hiding secret: ProviderCredential? = nil, classify: (TransportResponse) -> Answer
    ) async -> EnrichmentExchange<Request, Answer> {
        let started = now()
        func exchange(_ status: Int, _ answer: Answer, reached: Bool) -> EnrichmentExchange<Request, Answer> {
            EnrichmentExchange(
                request: request, status: status, answer: answer, reachedNetwork: reached,
                duration: now().timeIntervalSince(started))
        }
        if let problem {
            return exchange(0, .invalidRequest(problem), reached: false)
        }
        guard let url else {
            return exchange(0, .invalidRequest("no URL can be made from the root '\(root)'"), reached: false)
        }
        var allHeaders = ["User-Agent": userAgent.headerValue, "Accept": "application/json"]
        allHeaders.merge(headers) { $1 }
        do {
            let response = try await transport.send(
                TransportRequest(method: method, url: url, headers: allHeaders, body: body))
            return exchange(response.status, classify(response), reached: true)
        } catch {
            let message = error.localizedDescription
            return exchange(0, .transportFailed(secret?.redacting(message) ?? message), reached: true)
        }
    }
}
