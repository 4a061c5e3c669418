import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's URLSession (libcurl on Linux).
///
/// Two limits keep a batch job from hanging on the network: `timeout`, the longest the server may stay
/// silent, and `deadline`, the longest a whole exchange may take — a server that trickles one byte every
/// few seconds never trips the first, always the second. Failures are ``HTTPTransportError``s: sentences.
package final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let timeout: TimeInterval
    private let deadline: TimeInterval

    package init(timeout: TimeInterval = 30, deadline: TimeInterval = 60) {
        self.timeout = timeout
        self.deadline = deadline
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpMaximumConnectionsPerHost = 2
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let host = HTTPTransportError.host(of: request.url)
        let (data, response) = try await exchange(urlRequest, host: host)
        guard let http = response as? HTTPURLResponse else {
            throw HTTPTransportError(.other("the answer was not HTTP"), host: host)
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// The answer, or an error when the deadline passes or the calling task is cancelled first: whichever
    /// comes first ends the wait, and the data task is cancelled rather than awaited.
    private func exchange(_ request: URLRequest, host: String) async throws -> (Data, URLResponse) {
        let outcome = FirstOutcome<(Data, URLResponse)>()
        let idleTimeout = timeout
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                outcome.settle(.failure(HTTPTransportError(error, host: host, idleTimeout: idleTimeout)))
            } else if let response {
                outcome.settle(.success((data ?? Data(), response)))
            } else {
                outcome.settle(.failure(HTTPTransportError(.other("no answer"), host: host)))
            }
        }
        let deadline = self.deadline
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.deliver(to: continuation)
                task.resume()
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
                    outcome.settle(.failure(HTTPTransportError(.deadline(seconds: deadline), host: host)))
                    task.cancel()
                }
            }
        } onCancel: {
            outcome.settle(.failure(CancellationError()))
            task.cancel()
        }
    }
}

/// The first of several racing results, handed to one continuation whichever arrives first.
private final class FirstOutcome<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`: the data task's callback, the deadline timer and cancellation race to settle it.
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private var continuation: CheckedContinuation<Value, any Error>?
    private var delivered = false

    func settle(_ outcome: Result<Value, any Error>) {
        lock.withLock {
            guard result == nil else { return }
            result = outcome
            deliverIfReady()
        }
    }

    func deliver(to continuation: CheckedContinuation<Value, any Error>) {
        lock.withLock {
            self.continuation = continuation
            deliverIfReady()
        }
    }

    private func deliverIfReady() {
        guard !delivered, let result, let continuation else { return }
        delivered = true
        self.continuation = nil
        continuation.resume(with: result)
    }
}
