import Foundation

/// A TCP listener on a free loopback port that lets clients connect and never answers: a stalled server.
///
/// It never calls `accept`; the kernel completes each handshake from the backlog and buffers what the client
/// writes, so a client sees a live connection on which no byte ever arrives.
package final class SilentListener: Sendable {
    package let port: Int
    private let descriptor: Int32

    package init() throws {
        (descriptor, port) = try LoopbackSocket.listen(backlog: 64)
    }

    deinit { close(descriptor) }

    /// `redis://127.0.0.1:PORT/0`, for configuring it as Redis.
    package var redisURL: String { "redis://127.0.0.1:\(port)/0" }
}
