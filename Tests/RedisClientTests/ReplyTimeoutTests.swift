import Foundation
import NIOCore
import RedisClient
import SwingCacheTestKit
import Testing

/// A server that accepts and never answers — stopped, overloaded, or not Redis — ends each wait after the reply
/// timeout instead of blocking forever. Runs without a real Redis: the listener is a bare loopback socket.
@Suite(.timeLimit(.minutes(1))) struct ReplyTimeoutTests {
    let listener: SilentListener
    let url: RedisURL

    init() throws {
        listener = try SilentListener()
        url = try #require(RedisURL(listener.redisURL))
    }

    @Test func aCommandToASilentServerFailsAfterTheReplyTimeout() async throws {
        let redis = try await RedisConnection.connect(to: url, replyTimeout: .milliseconds(150))
        let started = ContinuousClock.now
        let error = await #expect(throws: RedisReplyTimeout.self) { try await redis.send("PING") }
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(error?.description == "Redis sent no answer within 0.15s")
        #expect(!redis.isActive, "a connection whose answers can no longer be paired is closed")
    }

    @Test func everyRequestWaitingOnTheSilentConnectionFailsTogether() async throws {
        let redis = try await RedisConnection.connect(to: url, replyTimeout: .milliseconds(150))
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 {
                group.addTask { (try? await redis.send("PING")) == nil }
            }
            #expect(await group.reduce(true) { $0 && $1 })
        }
    }

    @Test func aPasswordOnASilentServerTimesOutWhileConnecting() async throws {
        var withPassword = url
        withPassword.password = "secret"
        await #expect(throws: RedisReplyTimeout.self) {
            try await RedisConnection.connect(to: withPassword, replyTimeout: .milliseconds(150))
        }
    }

    @Test func aReconnectingClientDropsTheSilentConnectionAndTriesAgainNextTime() async throws {
        let redis = ReconnectingRedis(url: url, replyTimeout: .milliseconds(150))
        for _ in 0..<2 {
            await #expect(throws: RedisReplyTimeout.self) { try await redis.send(["PING"]) }
        }
        await redis.close()
    }
}
