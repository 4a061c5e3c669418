import Foundation

/// An HTTP proxy on a free loopback port in front of a real server, which spoils chosen requests: the `n`th
/// `POST /backup/restore` is dropped, answered 500 or 401, or answered late, before or after the server saw it; or
/// from the `n`th request on, the server is gone for a few seconds (restarting).
///
/// Every answer goes back with the connection closed, so each request is one connection and is counted once.
///
/// ```swift
/// let proxy = try FaultyProxy(upstreamPort: 1970, faults: [.init("POST /backup/restore", .answerLate(seconds: 6))])
/// // point the client at proxy.url; the first restore reaches SwingMusic, its answer comes after 6 s
/// ```
package final class FaultyProxy: Sendable {
    package enum Fault: Sendable {
        /// Forwarded, and the answer held back this long.
        case answerLate(seconds: TimeInterval)
        /// Forwarded, and answered 500 whatever the server said.
        case serverErrorAfterForwarding
        /// Answered 500 without forwarding.
        case serverErrorInstead
        /// The connection is closed without forwarding.
        case drop
        /// Answered 401 without forwarding, as SwingMusic answers a token it no longer accepts.
        case unauthorizedInstead
        /// SwingMusic restarting: this request and every one in the next `seconds` are closed without forwarding.
        case down(seconds: TimeInterval)
    }

    /// The `occurrence`th request (1 for the first) whose method and path start with `request` meets `fault`; a path's
    /// numbers are read as `{id}`: `PUT /playlists/{id}/update`.
    package struct Rule: Sendable {
        var request: String
        var occurrence: Int
        var fault: Fault

        package init(_ request: String, occurrence: Int = 1, _ fault: Fault) {
            self.request = request
            self.occurrence = occurrence
            self.fault = fault
        }
    }

    package let url: String
    private let descriptor: Int32
    private let seen = RequestCounts()

    package init(upstreamPort: Int, faults: [Rule]) throws {
        let (descriptor, port) = try LoopbackSocket.listen(backlog: 64)
        self.descriptor = descriptor
        url = "http://127.0.0.1:\(port)"
        let seen = seen
        Thread {
            while true {
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { return }
                Thread { Self.serve(client, upstreamPort: upstreamPort, faults: faults, seen: seen) }.start()
            }
        }.start()
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    /// Whether the server is gone now (a ``Fault/down(seconds:)`` has not ended).
    package var isDown: Bool { seen.isDown }

    /// The requests seen so far, as `METHOD /path` without the query, ids as `{id}`.
    package var requests: [String] { seen.all }

    private static func serve(_ client: Int32, upstreamPort: Int, faults: [Rule], seen: RequestCounts) {
        defer { close(client) }
        guard let request = readMessage(client) else { return }
        let line = String(decoding: request.head.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        // A path's numbers are ids: `POST /playlists/12/add` is counted and matched as `POST /playlists/{id}/add`.
        let path = (parts[1].split(separator: "?").first ?? "").split(separator: "/", omittingEmptySubsequences: false)
            .map { !$0.isEmpty && $0.allSatisfy(\.isNumber) ? "{id}" : String($0) }.joined(separator: "/")
        let name = "\(parts[0]) \(path)"
        let occurrence = seen.add(name)
        let fault = faults.first { name.hasPrefix($0.request) && $0.occurrence == occurrence }?.fault
        let serverError = Data(
            "HTTP/1.1 500 INTERNAL SERVER ERROR\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        if case .down(let seconds)? = fault { seen.goDown(for: seconds) }
        if seen.isDown { return }
        switch fault {
        case .drop?: return
        case .serverErrorInstead?:
            write(serverError, to: client)
            return
        case .unauthorizedInstead?:
            let body = #"{"msg": "Token has expired"}"#
            write(
                Data(
                    "HTTP/1.1 401 UNAUTHORIZED\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
                        .utf8), to: client)
            return
        default: break
        }
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(upstream) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(upstreamPort).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return }
        write(closing(request.head) + request.body, to: upstream)
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(upstream, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            answer.append(contentsOf: buffer[0..<count])
        }
        switch fault {
        case .answerLate(let seconds)?:
            Thread.sleep(forTimeInterval: seconds)
            write(answer, to: client)
        case .serverErrorAfterForwarding?: write(serverError, to: client)
        default: write(answer, to: client)
        }
    }

    /// A request's head (through the blank line) and its body, as `Content-Length` gives it.
    private static func readMessage(_ socket: Int32) -> (head: Data, body: Data)? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let blankLine = Data("\r\n\r\n".utf8)
        while data.range(of: blankLine) == nil {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
        }
        guard let end = data.range(of: blankLine)?.upperBound else { return nil }
        let head = data[..<end]
        let length =
            String(decoding: head, as: UTF8.self).split(separator: "\r\n").lazy
            .compactMap { line -> Int? in
                let field = line.split(separator: ":", maxSplits: 1)
                guard field.count == 2, field[0].lowercased() == "content-length" else { return nil }
                return Int(field[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        var body = Data(data[end...])
        while body.count < length {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            body.append(contentsOf: buffer[0..<count])
        }
        return (Data(head), body)
    }

    /// `head` asking the server to close the connection after its answer, so the answer ends at the end of the stream.
    private static func closing(_ head: Data) -> Data {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
            .filter { !$0.lowercased().hasPrefix("connection:") && !$0.isEmpty }
        return Data((lines + ["Connection: close", "", ""]).joined(separator: "\r\n").utf8)
    }

    private static func write(_ data: Data, to socket: Int32) {
        data.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = send(socket, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard count > 0 else { return }
                sent += count
            }
        }
    }
}

/// How often each request has been seen, shared by the proxy's threads.
private final class RequestCounts: @unchecked Sendable {
    // Guarded by `lock`: every connection's thread counts its request here.
    private let lock = NSLock()
    private var seen: [String] = []
    private var downUntil = Date.distantPast

    func goDown(for seconds: TimeInterval) { lock.withLock { downUntil = Date().addingTimeInterval(seconds) } }

    var isDown: Bool { lock.withLock { Date() < downUntil } }

    func add(_ request: String) -> Int {
        lock.withLock {
            seen.append(request)
            return seen.filter { $0 == request }.count
        }
    }

    var all: [String] { lock.withLock { seen } }
}
