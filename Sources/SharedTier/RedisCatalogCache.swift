import CacheStore
import Foundation
import RedisClient
import SwingCache

/// The catalog cache in a Redis-compatible server, shared by every host and runner that points at it.
///
/// Two keys per id, both expiring when the entry does: `PREFIX track:ID` holds the compressed entity, and
/// `PREFIX fresh:track:ID` a few bytes saying when it was fetched and when it expires — so bulk freshness
/// look-ups read no payloads. A known-missing id has only its freshness key.
public struct RedisCatalogCache: Sendable {
    public let redis: ReconnectingRedis
    public let prefix: String
    /// Ids per MGET: all of a look-up's MGETs go out in one write, so this only bounds each answer's size.
    public static let idsPerCommand = 1000

    public init(redis: ReconnectingRedis, prefix: String = "swingcache:v1:") {
        self.redis = redis
        self.prefix = prefix
    }

    public func entityKey(_ id: SpotifyID) -> String { prefix + id.kind.rawValue + ":" + id.value }
    public func freshnessKey(_ id: SpotifyID) -> String { prefix + "fresh:" + id.kind.rawValue + ":" + id.value }

    /// Writes a record's entities and known-missing ids, each expiring after what remains of its ttl at `now`.
    ///
    /// Entries whose ttl has already run out are not written.
    public func write(_ record: FetchRecord, now: Date) async throws {
        var commands: [[Data]] = []
        let fetchedAt = Self.milliseconds(record.fetchedAt)
        for entity in record.entities {
            let expiresAt = record.expiresAt(entity.id)
            let remaining = Self.milliseconds(expiresAt) - Self.milliseconds(now)
            guard remaining > 0 else { continue }
            let payload = ZlibCompression.compress(try JSONEncoder().encode(SharedEntity(entity)))
            commands.append(Self.set(entityKey(entity.id), payload, milliseconds: remaining))
            commands.append(
                Self.set(
                    freshnessKey(entity.id), Data("c \(fetchedAt) \(Self.milliseconds(expiresAt))".utf8),
                    milliseconds: remaining))
        }
        for (id, reason) in record.missing {
            let expiresAt = record.missingExpiresAt(id)
            let remaining = Self.milliseconds(expiresAt) - Self.milliseconds(now)
            commands.append([Data("DEL".utf8), Data(entityKey(id).utf8)])
            guard remaining > 0 else { continue }
            commands.append(
                Self.set(
                    freshnessKey(id), Data("m \(reason.rawValue) \(Self.milliseconds(expiresAt))".utf8),
                    milliseconds: remaining))
        }
        guard !commands.isEmpty else { return }
        let answers = try await redis.pipeline(data: commands)
        if let failure = answers.first(where: { if case .error = $0 { true } else { false } }) {
            throw RedisError("a cache write was refused: \(failure)")
        }
    }

    /// What Redis knows about each id; ids it knows nothing of (never written, or expired) are left out.
    public func cacheStates(for ids: [SpotifyID]) async throws -> [SpotifyID: CacheEntryState] {
        var commands: [[Data]] = []
        commands.reserveCapacity(ids.count / Self.idsPerCommand + 1)
        for start in stride(from: 0, to: ids.count, by: Self.idsPerCommand) {
            let chunk = ids[start..<min(start + Self.idsPerCommand, ids.count)]
            commands.append([Data("MGET".utf8)] + chunk.map { Data(freshnessKey($0).utf8) })
        }
        let answers = try await redis.pipeline(data: commands)
        var states: [SpotifyID: CacheEntryState] = [:]
        for (index, answer) in answers.enumerated() {
            guard let values = answer.array else { throw RedisError("MGET answered \(answer)") }
            let offset = index * Self.idsPerCommand
            for (position, value) in values.enumerated() {
                guard case .bulkString(let data?) = value, let state = Self.state(data) else { continue }
                states[ids[offset + position]] = state
            }
        }
        return states
    }

    /// Each id's state and, when cached, its entity, read in one round trip; ids Redis does not hold are left out.
    public func entries(for ids: [SpotifyID]) async throws -> [SpotifyID: (
        state: CacheEntryState, stored: StoredEntity?
    )] {
        guard !ids.isEmpty else { return [:] }
        let commands = ids.map { [Data("MGET".utf8), Data(freshnessKey($0).utf8), Data(entityKey($0).utf8)] }
        let answers = try await redis.pipeline(data: commands)
        var found: [SpotifyID: (state: CacheEntryState, stored: StoredEntity?)] = [:]
        for (id, answer) in zip(ids, answers) {
            guard let values = answer.array, values.count == 2, case .bulkString(let freshness?) = values[0],
                let state = Self.state(freshness)
            else { continue }
            guard case .cached(let fetchedAt, let expiresAt) = state else {
                found[id] = (state, nil)
                continue
            }
            // A freshness key without a readable payload is no answer: SQLite is asked instead.
            guard case .bulkString(let payload?) = values[1], let json = ZlibCompression.decompress(payload),
                let entity = try? JSONDecoder().decode(SharedEntity.self, from: json).entity, entity.id == id
            else { continue }
            found[id] = (state, StoredEntity(entity: entity, fetchedAt: fetchedAt, expiresAt: expiresAt))
        }
        return found
    }

    /// Reads `c FETCHED EXPIRES` (cached) or `m REASON EXPIRES` (known missing), times in milliseconds.
    static func state(_ data: Data) -> CacheEntryState? {
        let parts = String(decoding: data, as: UTF8.self).split(separator: " ")
        guard parts.count == 3, let last = Int64(parts[2]) else { return nil }
        let expiresAt = Date(timeIntervalSince1970: Double(last) / 1000)
        switch parts[0] {
        case "c":
            guard let first = Int64(parts[1]) else { return nil }
            return .cached(fetchedAt: Date(timeIntervalSince1970: Double(first) / 1000), expiresAt: expiresAt)
        case "m":
            guard let reason = MissingReason(rawValue: String(parts[1])) else { return nil }
            return .knownMissing(reason: reason, expiresAt: expiresAt)
        default:
            return nil
        }
    }

    private static func set(_ key: String, _ value: Data, milliseconds: Int64) -> [Data] {
        [Data("SET".utf8), Data(key.utf8), value, Data("PX".utf8), Data(String(milliseconds).utf8)]
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}

/// An entity as the Redis tier stores it: one JSON object keyed by its kind.
struct SharedEntity: Codable {
    var track: Track?
    var album: Album?
    var artist: Artist?

    init(_ entity: CatalogEntity) {
        switch entity {
        case .track(let track): self.track = track
        case .album(let album): self.album = album
        case .artist(let artist): self.artist = artist
        }
    }

    var entity: CatalogEntity? {
        if let track { return .track(track) }
        if let album { return .album(album) }
        return artist.map(CatalogEntity.artist)
    }
}
