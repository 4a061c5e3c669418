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
package struct TieredCache: Sendable {
    /// Which tier answered a look-up.
    package enum Tier: String, Sendable, Encodable {
        case redis
        case sqlite
    }

    /// One id as the tiers know it.
    package struct Entry: Sendable {
        package var state: CacheEntryState
        package var stored: StoredEntity?
        package var tier: Tier?
    }

    package let store: AppDatabase
    package let shared: SharedCatalog?

    package init(store: AppDatabase, shared: SharedCatalog? = nil) {
        self.store = store
        self.shared = shared
    }

    /// What the tiers know about each id: Redis answers what it holds, SQLite the rest. Ids neither knows are
    /// left out (they are `.absent`).
    package func cacheStates(for ids: [SpotifyID]) async throws -> [SpotifyID: CacheEntryState] {
        let fromRedis = await shared?.attempt { try await $0.cacheStates(for: ids) } ?? [:]
        if fromRedis.isEmpty { return try await store.catalog.cacheStates(for: ids) }
        var states = try await store.catalog.cacheStates(for: ids.filter { fromRedis[$0] == nil })
        states.merge(fromRedis) { _, shared in shared }
        return states
    }

    /// Each id's state and stored entity (without its raw answer from SQLite), and the tier that answered.
    package func entries(for ids: [SpotifyID]) async throws -> [SpotifyID: Entry] {
        var entries: [SpotifyID: Entry] = [:]
        let fromRedis = await shared?.attempt { try await $0.entries(for: ids) } ?? [:]
        for (id, found) in fromRedis {
            entries[id] = Entry(state: found.state, stored: found.stored, tier: .redis)
        }
        // A stored entity carries its own freshness: only ids without one need the bulk look-up (known-missing).
        var rest: [SpotifyID] = []
        let fromSQLite = try await store.catalog.entities(ids.filter { entries[$0] == nil }, includingRaw: false)
        for id in ids where entries[id] == nil {
            if let stored = fromSQLite[id] {
                entries[id] = Entry(
                    state: .cached(fetchedAt: stored.fetchedAt, expiresAt: stored.expiresAt), stored: stored,
                    tier: .sqlite)
            } else {
                rest.append(id)
            }
        }
        let states = rest.isEmpty ? [:] : try await store.catalog.cacheStates(for: rest)
        for id in rest {
            let state = states[id] ?? .absent
            entries[id] = Entry(state: state, stored: nil, tier: state == .absent ? nil : .sqlite)
        }
        return entries
    }

    /// Writes to SQLite (and its ledger) in one transaction, then to Redis when it answers.
    package func save(_ record: FetchRecord, now: Date) async throws {
        try await store.catalog.save(record)
        _ = await shared?.attempt { try await $0.write(record, now: now) }
    }

    /// Writes matcher decisions with the catalog entries their search gave (and its ledger entry) to SQLite in one
    /// transaction, then the entries to Redis when it answers, as ``save(_:now:)`` does a fetch's.
    package func save(_ matches: [TrackMatchRecord], fetched record: FetchRecord, now: Date) async throws {
        try await store.library.save(matches, fetched: record)
        _ = await shared?.attempt { try await $0.write(record, now: now) }
    }
}
