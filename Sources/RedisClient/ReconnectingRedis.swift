import Foundation
import NIOCore

/// A connection that is made on first use and made again after the server went away.
package actor ReconnectingRedis {
    package nonisolated let url: RedisURL
    private let timeout: TimeAmount
    private let replyTimeout: TimeAmount
    private var current: RedisConnection?

    /// `timeout` bounds connecting, `replyTimeout` each wait for an answer (see ``RedisConnection/connect``).
    package init(
        url: RedisURL, timeout: TimeAmount = .seconds(2),
        replyTimeout: TimeAmount = RedisConnection.defaultReplyTimeout
    ) {
        self.url = url
        self.timeout = timeout
        self.replyTimeout = replyTimeout
    }

    /// The live connection, connecting (again) when there is none.
    package func connection() async throws -> RedisConnection {
        if let current, current.isActive { return current }
        current = nil
        let fresh = try await RedisConnection.connect(to: url, timeout: timeout, replyTimeout: replyTimeout)
        current = fresh
        return fresh
    }

    @discardableResult
    package func send(_ command: [String]) async throws -> RESPValue {
        try await dropConnectionOnFailure { try await $0.send(command) }
    }

    /// Sends commands in one write; error answers are returned, not thrown.
    package func pipeline(data commands: [[Data]]) async throws -> [RESPValue] {
        try await dropConnectionOnFailure { try await $0.pipeline(data: commands) }
    }

    package func pipeline(_ commands: [[String]]) async throws -> [RESPValue] {
        try await pipeline(data: commands.map { $0.map { Data($0.utf8) } })
    }

    private func dropConnectionOnFailure<T: Sendable>(
        _ body: @Sendable (RedisConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await body(connection())
        } catch let error as RedisError {
            throw error
        } catch {
            // The connection is broken: drop it, so the next call connects again.
            await current?.close()
            current = nil
            throw error
        }
    }

    package func close() async {
        await current?.close()
        current = nil
    }
}
