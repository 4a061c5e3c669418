import Foundation
import Outbound
import RedisClient
import SwingCache

/// The shared budget in a Redis-compatible server: a sorted set of request starts per service and a hash of
/// blocks, checked and updated by one server-side script so that no two runners can take the same slot.
package struct RedisBudget: SharedBudget {
    package let redis: ReconnectingRedis
    package let prefix: String
    /// Tells apart requests granted in the same millisecond to different runners.
    private let runner = UUID().uuidString

    /// Spotify's quota pool: runners of several client ids of one developer account that name the same group
    /// share one Spotify budget.
    package let quotaGroup: String?

    package init(redis: ReconnectingRedis, prefix: String = "swingcache:v1:", quotaGroup: String? = nil) {
        self.redis = redis
        self.prefix = prefix
        self.quotaGroup = quotaGroup
    }

    /// The name `service`'s budget is kept under: Spotify's is its quota group's, when one is named.
    func pool(_ service: String) -> String {
        guard service == "spotify", let quotaGroup, !quotaGroup.isEmpty else { return service }
        return service + "@" + quotaGroup
    }

    func ledgerKey(_ service: String) -> String { prefix + "ledger:" + pool(service) }
    func stateKey(_ service: String) -> String { prefix + "state:" + pool(service) }

    /// Times are whole milliseconds since 1970 throughout the script.
    static let reserveScript = """
        local now = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local interval = tonumber(ARGV[3])
        local guard = tonumber(ARGV[5])
        local daily = tonumber(ARGV[6] or '0')
        local keep = 3600000
        if daily > 0 then keep = 86400000 end
        local parked = tonumber(redis.call('HGET', KEYS[2], 'parked_until') or '0')
        if parked > now then
            return {'parked', tostring(parked), redis.call('HGET', KEYS[2], 'parked_reason') or ''}
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - keep)
        local earliest = now
        local reason = 'granted'
        local retry = tonumber(redis.call('HGET', KEYS[2], 'retry_after_until') or '0')
        if retry > earliest then earliest = retry; reason = 'retry_after' end
        local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
        if last[2] and tonumber(last[2]) + interval + guard > earliest then
            earliest = tonumber(last[2]) + interval + guard; reason = 'min_interval'
        end
        local total = redis.call('ZCARD', KEYS[1])
        local count = redis.call('ZCOUNT', KEYS[1], '(' .. tostring(now - 3600000), '+inf')
        if limit <= 0 then return {'hourly_window', tostring(now + 3600000)} end
        if count >= limit then
            local leaving = redis.call('ZRANGE', KEYS[1], total - limit, total - limit, 'WITHSCORES')
            local freed = tonumber(leaving[2]) + 3600000
            if freed > earliest then earliest = freed; reason = 'hourly_window' end
        end
        if daily > 0 and total >= daily then
            local leaving = redis.call('ZRANGE', KEYS[1], total - daily, total - daily, 'WITHSCORES')
            local freed = tonumber(leaving[2]) + 86400000
            if freed > earliest then earliest = freed; reason = 'daily_window' end
        end
        if earliest <= now then
            redis.call('ZADD', KEYS[1], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[1], keep + 60000)
            return {'granted', tostring(now)}
        end
        return {reason, tostring(earliest)}
        """

    package func reserve(service: String, limit: Int, minInterval: TimeInterval, now: Date, dailyLimit: Int?)
        async throws -> Reservation
    {
        let nowMs = Self.milliseconds(now)
        let answer = try await redis.send([
            "EVAL", Self.reserveScript, "2", ledgerKey(service), stateKey(service), String(nowMs), String(limit),
            String(Self.milliseconds(minInterval)), member(grantedAt: nowMs),
            String(Self.milliseconds(BudgetPolicy.sendGuard(forInterval: minInterval))), String(dailyLimit ?? 0),
        ])
        guard let parts = answer.array?.compactMap(\.string), parts.count >= 2, let time = Int64(parts[1]) else {
            throw RedisError("the budget script answered \(answer)")
        }
        let until = Date(timeIntervalSince1970: Double(time) / 1000)
        switch parts[0] {
        case "granted": return .granted(ledgerID: 0, at: until)
        case "parked": return .parked(until: until, reason: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil)
        default: return .wait(until: until, reason: WaitReason(rawValue: parts[0]) ?? .minInterval)
        }
    }

    package func markSent(service: String, grantedAt: Date, sentAt: Date) async throws {
        // grantedAt came from the script's whole milliseconds: round to the nearest to find them again.
        let granted = Int64((grantedAt.timeIntervalSince1970 * 1000).rounded())
        try await redis.send([
            "ZADD", ledgerKey(service), "XX", "GT", String(Self.milliseconds(sentAt)), member(grantedAt: granted),
        ])
    }

    package func block(service: String, until: Date) async throws {
        let script = """
            local current = tonumber(redis.call('HGET', KEYS[1], 'retry_after_until') or '0')
            if tonumber(ARGV[1]) > current then redis.call('HSET', KEYS[1], 'retry_after_until', ARGV[1]) end
            return 1
            """
        try await redis.send(["EVAL", script, "1", stateKey(service), String(Self.milliseconds(until))])
    }

    package func park(service: String, until: Date, reason: String) async throws {
        try await redis.send([
            "HSET", stateKey(service), "parked_until", String(Self.milliseconds(until)), "parked_reason", reason,
        ])
    }

    private func member(grantedAt milliseconds: Int64) -> String { "\(milliseconds):\(runner)" }

    /// Rounded up, so a wait computed from it never ends before the real deadline.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.up)) }
    static func milliseconds(_ interval: TimeInterval) -> Int64 { Int64((interval * 1000).rounded(.up)) }
}
