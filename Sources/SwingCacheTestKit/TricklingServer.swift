import Foundation

/// An HTTP server on a free loopback port that answers every request with a 200 whose 10 000-byte body
/// arrives one byte at a time: a server no idle timeout ever cuts off.
package final class TricklingServer: Sendable {
    package let port: Int
    private let descriptor: Int32

    package let url: URL
    private let requests = DispatchSemaphore(value: 0)

    package init(byteEvery interval: TimeInterval) throws {
        (descriptor, port) = try LoopbackSocket.listen(backlog: 16)
        let descriptor = descriptor
        guard let url = URL(string: "http://127.0.0.1:\(port)/slow") else {
            close(descriptor)
            throw CommandLineRun.Failure(description: "no URL for port \(port)")
        }
        self.url = url
        let requests = requests
        let thread = Thread {
            while true {
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { return }
                Thread {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    _ = recv(client, &buffer, buffer.count, 0)
                    requests.signal()
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

    /// Waits until a request has arrived (each is counted once), for at most `timeout` seconds.
    package func waitForRequest(timeout: TimeInterval = 30) -> Bool {
        requests.wait(timeout: .now() + timeout) == .success
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}
