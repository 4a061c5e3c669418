import Foundation
import RedisClient
import SpotifyAPI
import SwingCache

/// One Spotify access token for every runner that shares the Redis tier, under a key named after the app and
/// its token endpoint (hashed, so the client id is not spelled out in key listings).
///
/// The key expires when the token should be renewed, so a stale token is never handed out.
public struct RedisTokenStore: SharedTokenStore {
    public let redis: ReconnectingRedis
    let key: String

    public init(redis: ReconnectingRedis, prefix: String, clientID: String, tokenURL: URL) {
        self.redis = redis
        key =
            prefix + "token:spotify:" + String(StableHash.fnv1a64(clientID + " " + tokenURL.absoluteString), radix: 16)
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
}
