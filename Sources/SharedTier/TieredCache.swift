import CacheStore
import Foundation
import SwingCache

/// The cache as runs and look-ups see it: the shared Redis tier first when there is one, this host's SQLite
/// second. Every write goes to SQLite, the store of record, then to Redis.
///
/// ```swift
/// let cache = TieredCache(store: store, shared: tier?.sharedCatalog(logger: logger))
/// let states = try await cache.cacheStates(for: ids)
/// ```
public struct TieredCache: Sendable {
    /// Which tier answered a look-up.
    public enum Tier: String, Sendable, Encodable {
        case redis
        case sqlite
    }

    /// One id as the tiers know it.
    public struct Entry: Sendable {
        public var state: CacheEntryState
        public var stored: StoredEntity?
        public var tier: Tier?
    }

    public let store: SQLiteCacheStore
    public let shared: SharedCatalog?

    public init(store: SQLiteCacheStore, shared: SharedCatalog? = nil) {
        self.store = store
        self.shared = shared
    }

    /// What the tiers know about each id: Redis answers what it holds, SQLite the rest. Ids neither knows are
    /// left out (they are `.absent`).
    public func cacheStates(for ids: [SpotifyID]) async throws -> [SpotifyID: CacheEntryState] {
        let fromRedis = await shared?.attempt { try await $0.cacheStates(for: ids) } ?? [:]
        if fromRedis.isEmpty { return try store.cacheStates(for: ids) }
        var states = try store.cacheStates(for: ids.filter { fromRedis[$0] == nil })
        states.merge(fromRedis) { _, shared in shared }
        return states
    }

    /// Each id's state and stored entity (without its raw answer from SQLite), and the tier that answered.
    public func entries(for ids: [SpotifyID]) async throws -> [SpotifyID: Entry] {
        var entries: [SpotifyID: Entry] = [:]
        let fromRedis = await shared?.attempt { try await $0.entries(for: ids) } ?? [:]
        for (id, found) in fromRedis {
            entries[id] = Entry(state: found.state, stored: found.stored, tier: .redis)
        }
        // A stored entity carries its own freshness: only ids without one need the bulk look-up (known-missing).
        var rest: [SpotifyID] = []
        let fromSQLite = try store.entities(ids.filter { entries[$0] == nil }, includingRaw: false)
        for id in ids where entries[id] == nil {
            if let stored = fromSQLite[id] {
                entries[id] = Entry(
                    state: .cached(fetchedAt: stored.fetchedAt, expiresAt: stored.expiresAt), stored: stored,
                    tier: .sqlite)
            } else {
                rest.append(id)
            }
        }
        let states = rest.isEmpty ? [:] : try store.cacheStates(for: rest)
        for id in rest {
            let state = states[id] ?? .absent
            entries[id] = Entry(state: state, stored: nil, tier: state == .absent ? nil : .sqlite)
        }
        return entries
    }

    /// Writes to SQLite (and its ledger) in one transaction, then to Redis when it answers.
    public func save(_ record: FetchRecord, now: Date) async throws {
        try store.save(record)
        _ = await shared?.attempt { try await $0.write(record, now: now) }
    }
}
