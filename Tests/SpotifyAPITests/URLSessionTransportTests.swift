import Foundation
import SpotifyAPI
import SwingCacheTestKit
import Testing

/// The real URLSession transport against real loopback servers that misbehave.
@Suite(.timeLimit(.minutes(1))) struct URLSessionTransportTests {
    @Test func aServerThatTricklesItsAnswerIsCutOffAtTheDeadline() async throws {
        let server = try TricklingServer(byteEvery: 0.05)
        // The idle timeout never trips: a byte arrives every 50 ms. Only the deadline can end the wait.
        let transport = URLSessionTransport(timeout: 5, deadline: 0.4)
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: server.url))
        }
        #expect(ContinuousClock.now - started < .seconds(20), "the whole body would take 500 s")
        #expect(
            error?.description
                == "127.0.0.1:\(server.port) did not finish answering within 0.4s (every request's deadline)")
        #expect(error?.localizedDescription == error?.description, "what every caller prints is the sentence")
    }

    @Test func aSilentServerIsReportedAsSilentNotAsAnErrorCode() async throws {
        let listener = try SilentListener()
        let transport = URLSessionTransport(timeout: 0.3, deadline: 30)
        let error = await #expect(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(url: URL(string: "http://127.0.0.1:\(listener.port)/v1/tracks")!))
        }
        #expect(error?.description == "127.0.0.1:\(listener.port) sent nothing for 0.3s")
    }

    @Test func aCancelledRequestStopsWaitingAtOnce() async throws {
        let server = try TricklingServer(byteEvery: 0.05)
        let transport = URLSessionTransport(timeout: 30, deadline: 30)
        let started = ContinuousClock.now
        let request = Task { try await transport.send(HTTPRequest(url: server.url)) }
        request.cancel()
        await #expect(throws: CancellationError.self) { try await request.value }
        #expect(ContinuousClock.now - started < .seconds(20), "the whole body would take 500 s")
    }
}

struct NoLoopbackPort: Error {}

/// An HTTP server on a free loopback port that answers every request with a 200 whose 10 000-byte body
/// arrives one byte at a time.
final class TricklingServer: Sendable {
    let port: Int
    private let descriptor: Int32

    var url: URL { URL(string: "http://127.0.0.1:\(port)/slow")! }

    init(byteEvery interval: TimeInterval) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = descriptor
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard listening else { throw NoLoopbackPort() }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread {
            while true {
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { return }
                Thread {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    _ = recv(client, &buffer, buffer.count, 0)
                    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10000\r\n\r\n"
                    _ = send(client, head, head.utf8.count, Int32(MSG_NOSIGNAL))
                    for _ in 0..<10_000 {
                        guard send(client, "x", 1, Int32(MSG_NOSIGNAL)) == 1 else { break }
                        usleep(useconds_t(interval * 1_000_000))
                    }
                    close(client)
                }.start()
            }
        }
        thread.start()
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}
