import Foundation

/// A TCP listener on a free loopback port that lets clients connect and never answers: a stalled server.
///
/// It never calls `accept`; the kernel completes each handshake from the backlog and buffers what the client
/// writes, so a client sees a live connection on which no byte ever arrives.
public final class SilentListener: Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        descriptor = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = descriptor
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 64) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard listening else {
            close(descriptor)
            throw CommandLineRun.Failure(description: "cannot listen on a loopback port")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }

    /// `redis://127.0.0.1:PORT/0`, for configuring it as Redis.
    public var redisURL: String { "redis://127.0.0.1:\(port)/0" }
}
