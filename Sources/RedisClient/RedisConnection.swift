import Foundation
import NIOCore
import NIOPosix

/// One connection to a Redis-compatible server (Redis, DragonflyDB), fully asynchronous on SwiftNIO: no call
/// blocks a thread of Swift's cooperative pool.
///
/// ```swift
/// let redis = try await RedisConnection.connect(to: RedisURL("redis://127.0.0.1:6379/0")!)
/// try await redis.send("SET", "key", "value")
/// let values = try await redis.pipeline([["GET", "a"], ["GET", "b"]])
/// ```
package final class RedisConnection: Sendable {
    private let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
    }

    /// How long a command waits for the server's next byte by default before it counts as unreachable.
    package static let defaultReplyTimeout = TimeAmount.seconds(3)

    /// Connects, authenticates and selects the database the URL names.
    ///
    /// `timeout` bounds the connection; `replyTimeout` bounds every wait for an answer (a stopped server, or one
    /// that accepts and never answers, fails the command with ``RedisReplyTimeout`` instead of hanging).
    package static func connect(
        to url: RedisURL, timeout: TimeAmount = .seconds(2), replyTimeout: TimeAmount = defaultReplyTimeout,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RedisConnection {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RESPChannelHandler(replyTimeout: replyTimeout))
                }
            }
            .connect(host: url.host, port: url.port).get()
        let connection = RedisConnection(channel: channel)
        do {
            if let password = url.password {
                _ = try await connection.send(url.user.map { ["AUTH", $0, password] } ?? ["AUTH", password])
            }
            if url.database != 0 { _ = try await connection.send(["SELECT", String(url.database)]) }
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Sends one command; an error answer is thrown as ``RedisError``.
    @discardableResult
    package func send(_ command: [String]) async throws -> RESPValue {
        try await send(data: command.map { Data($0.utf8) })
    }

    @discardableResult
    package func send(_ command: String...) async throws -> RESPValue {
        try await send(command)
    }

    /// Sends one command whose arguments may be binary.
    @discardableResult
    package func send(data command: [Data]) async throws -> RESPValue {
        let answer = try await pipeline(data: [command])[0]
        if case .error(let message) = answer { throw RedisError(message) }
        return answer
    }

    /// Sends commands in one write and returns their answers in order; error answers are returned, not thrown.
    package func pipeline(_ commands: [[String]]) async throws -> [RESPValue] {
        try await pipeline(data: commands.map { $0.map { Data($0.utf8) } })
    }

    package func pipeline(data commands: [[Data]]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let promise = channel.eventLoop.makePromise(of: [RESPValue].self)
        channel.writeAndFlush(RedisRequest(commands: commands, promise: promise)).cascadeFailure(to: promise)
        return try await promise.futureResult.get()
    }

    package var isActive: Bool { channel.isActive }

    package func close() async {
        try? await channel.close().get()
    }
}
