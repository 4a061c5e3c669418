import Foundation
import GRDB

/// ListenBrainz's popularity of one recording mbid: every user's listens, and how many users.
public struct ListenBrainzPopularityFact: Hashable, Sendable {
    public var mbid: String
    /// Nil, with `userCount`, when ListenBrainz answered null: it knows no listen of the recording.
    public var listenCount: Int?
    public var userCount: Int?
    public var fetchedAt: Date
    public var expiresAt: Date

    public init(mbid: String, listenCount: Int?, userCount: Int?, fetchedAt: Date, expiresAt: Date) {
        self.mbid = mbid
        self.listenCount = listenCount
        self.userCount = userCount
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }
}

/// A row of `listenbrainz_popularity`; a write replaces the row of the same mbid.
extension ListenBrainzPopularityFact: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "listenbrainz_popularity"
    public static var persistenceConflictPolicy: PersistenceConflictPolicy { .init(insert: .replace, update: .replace) }
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}
