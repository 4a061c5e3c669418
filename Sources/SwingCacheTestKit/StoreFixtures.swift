import CacheStore
import Foundation
import SwingCache

extension FetchRecord {
    /// A record of `ids` fetched at `fetchedAt`, expiring `ttl` later, with no ledger entry unless given.
    package static func fetched(
        _ ids: [SpotifyID], at fetchedAt: Date, ttl: TimeInterval, request: LedgerWrite? = nil
    ) -> FetchRecord {
        FetchRecord(
            entities: ids.map(CatalogFactory.entity(for:)), request: request, fetchedAt: fetchedAt,
            expiresAt: { _ in fetchedAt.addingTimeInterval(ttl) }, missingExpiresAt: { _ in fetchedAt })
    }

    /// A record saying `ids` do not exist, remembered for `ttl`.
    package static func missing(
        _ ids: [SpotifyID], reason: MissingReason = .notFound, at fetchedAt: Date, ttl: TimeInterval
    ) -> FetchRecord {
        FetchRecord(
            entities: [], missing: ids.map { ($0, reason) }, request: nil, fetchedAt: fetchedAt,
            expiresAt: { _ in fetchedAt }, missingExpiresAt: { _ in fetchedAt.addingTimeInterval(ttl) })
    }
}

extension Date {
    /// A fixed instant tests start from: 2026-11-25T03:00:00Z.
    package static let testEpoch = Date(timeIntervalSince1970: 1_795_575_600)
}

extension TemporaryDirectory {
    /// A migrated cache database file in this folder.
    package func store(_ name: String = "cache.sqlite") throws -> AppDatabase {
        try AppDatabase.open(DatabaseLocation(path: file(name)), access: .readWrite)
    }
}
