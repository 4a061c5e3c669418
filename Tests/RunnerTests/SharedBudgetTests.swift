import CacheStore
import Foundation
import Outbound
import RedisClient
import Runner
import SharedTier
import SwingCache
import SwingCacheTestKit
import Testing

let sharedTestRedisURL = ProcessInfo.processInfo.environment["SWINGCACHE_TEST_REDIS_URL"].flatMap(RedisURL.init)

/// Runners with separate databases sharing one budget through the real redis-server scripts/test.sh starts.
@Suite(.enabled(if: sharedTestRedisURL != nil, "set SWINGCACHE_TEST_REDIS_URL (scripts/test.sh starts a redis-server)"))
struct SharedBudgetTests {
    let clock = ManualClock()
    let prefix = "test:\(UUID().uuidString):"

    func pacer(store: AppDatabase, budget: (any SharedBudget)?, limit: Int, interval: TimeInterval) -> Pacer {
        Pacer(
            store: store.ledger, service: "spotify", clock: clock, limit: limit, minInterval: interval, runID: nil,
            deadline: nil, waitsForWindow: true, sharedBudget: budget)
    }

    @Test func runnersWithSeparateDatabasesNeverBreakTheSharedBudgetTogether() async throws {
        let url = try #require(sharedTestRedisURL)
        var generator = SeededGenerator(seed: 11)
        let limit = 5
        let interval: TimeInterval = 30
        let folders = try (0..<3).map { _ in try TemporaryDirectory() }
        let pacers = try folders.map { folder in
            pacer(
                store: try folder.store(), budget: RedisBudget(redis: ReconnectingRedis(url: url), prefix: prefix),
                limit: limit, interval: interval)
        }
        var starts: [Date] = []
        for _ in 0..<25 {
            clock.advance(by: Double(Int.random(in: 0...400, using: &generator)))
            let chosen = pacers[Int.random(in: 0..<pacers.count, using: &generator)]
            guard case .granted(_, let at) = try await chosen.acquire(endpoint: "GET /tracks") else {
                Issue.record("every acquisition waits, none is refused")
                return
            }
            starts.append(at)
        }
        let ordered = starts.sorted()
        for (index, start) in ordered.enumerated() {
            if index > 0 { #expect(start.timeIntervalSince(ordered[index - 1]) >= interval - 0.002) }
            let inWindow = ordered[...index].filter { $0 > start.addingTimeInterval(-3600) }.count
            #expect(inWindow <= limit, "\(inWindow) requests in one hour across three runners, limit \(limit)")
        }
        var local: [Int] = []
        for folder in folders {
            local.append(try await folder.store().ledger.requestTimes(service: "spotify", since: .distantPast).count)
        }
        #expect(local.reduce(0, +) == 25, "each runner's own ledger still records its own requests")
    }

    @Test func aRetryAfterOneRunnerWasToldHoldsForAll() async throws {
        let url = try #require(sharedTestRedisURL)
        let first = pacer(
            store: try TemporaryDirectory().store(),
            budget: RedisBudget(redis: ReconnectingRedis(url: url), prefix: prefix),
            limit: 100, interval: 1)
        let second = pacer(
            store: try TemporaryDirectory().store(),
            budget: RedisBudget(redis: ReconnectingRedis(url: url), prefix: prefix),
            limit: 100, interval: 1)
        await first.block(until: clock.now().addingTimeInterval(12))
        guard case .granted(_, let at) = try await second.acquire(endpoint: "GET /tracks") else {
            Issue.record("expected a grant after the wait")
            return
        }
        #expect(at.timeIntervalSince(.testEpoch) >= 12)
        #expect(await second.waited[.retryAfter] != nil)
    }

    @Test func anUnreachableRedisLeavesTheRunOnItsOwnLedger() async throws {
        let store = try TemporaryDirectory().store()
        let nowhere = RedisBudget(
            redis: ReconnectingRedis(url: RedisURL(host: "127.0.0.1", port: 9), timeout: .milliseconds(200)))
        let lonely = pacer(store: store, budget: nowhere, limit: 100, interval: 2)
        var times: [TimeInterval] = []
        for _ in 0..<3 {
            guard case .granted(_, let at) = try await lonely.acquire(endpoint: "GET /tracks") else { return }
            times.append(at.timeIntervalSince(.testEpoch))
        }
        #expect(times == [0, 2, 4], "the local ledger keeps the interval while Redis is down")
    }
}

extension SharedBudgetTests {
    @Test func runnersOfOneQuotaGroupShareARollingDayThroughRedis() async throws {
        let url = try #require(sharedTestRedisURL)
        let folders = try (0..<2).map { _ in try TemporaryDirectory() }
        let pacers = try folders.enumerated().map { index, folder in
            Pacer(
                store: try folder.store().ledger, service: "spotify", clock: clock, limit: 100, minInterval: 1,
                runID: nil,
                deadline: nil, waitsForWindow: false, dailyLimit: 4,
                sharedBudget: RedisBudget(
                    redis: ReconnectingRedis(url: url), prefix: prefix, quotaGroup: "account-\(prefix)"))
        }
        var granted: [Date] = []
        for round in 0..<6 {
            clock.advance(by: 3600)
            if case .granted(_, let at) = try await pacers[round % 2].acquire(endpoint: "GET /tracks/{id}") {
                granted.append(at)
            } else {
                #expect(try await pacers[round % 2].acquire(endpoint: "GET /tracks/{id}") == .refused(.dailyQuota))
            }
        }
        #expect(granted.count == 4, "two runners, one day of four requests")
        let ledger = try await RedisBudget(
            redis: ReconnectingRedis(url: url), prefix: prefix, quotaGroup: "account-\(prefix)"
        )
        .redis.send(["ZCARD", prefix + "ledger:spotify@account-\(prefix)"])
        #expect(ledger.integer == 4)
    }
}
