import Foundation
import RedisClient
import SpotifyAPI

/// One Spotify access token for every runner that shares the Redis tier, under a key named after the app and
/// its token endpoint (hashed, so the client id is not spelled out in key listings).
///
/// The key expires when the token should be renewed, so a stale token is never handed out.
public struct RedisTokenStore: SharedTokenStore {
    public let redis: ReconnectingRedis
    let key: String

    public init(redis: ReconnectingRedis, prefix: String, clientID: String, tokenURL: URL) {
        self.redis = redis
        key = prefix + "token:spotify:" + Self.fingerprint(clientID + " " + tokenURL.absoluteString)
    }

    public func sharedToken() async -> SharedToken? {
        guard let text = try? await redis.send(["GET", key]).string,
            let space = text.firstIndex(of: " "), let renewAt = Int64(text[..<space])
        else { return nil }
        return SharedToken(
            value: String(text[text.index(after: space)...]),
            renewAt: Date(timeIntervalSince1970: Double(renewAt) / 1000))
    }

    public func share(_ token: SharedToken) async {
        let remaining = Int64((token.renewAt.timeIntervalSinceNow * 1000).rounded(.down))
        guard remaining > 0 else { return }
        let renewAt = Int64((token.renewAt.timeIntervalSince1970 * 1000).rounded(.down))
        _ = try? await redis.send(["SET", key, "\(renewAt) \(token.value)", "PX", String(remaining)])
    }

    public func discard(_ value: String) async {
        let script = """
            local stored = redis.call('GET', KEYS[1])
            if stored and string.sub(stored, -string.len(ARGV[1])) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 1
            """
        _ = try? await redis.send(["EVAL", script, "1", key, " " + value])
    }

    /// FNV-1a, 64 bits: stable across runs and hosts, unlike Swift's seeded `Hasher`.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
