import Foundation
import GRDB

/// The page of a recording (by ISRC) on one platform, or the word that the platform has none.
public struct TrackLinkFact: Hashable, Sendable {
    public var isrc: String
    public var platform: String
    /// Nil when the platform said it has no such track (Deezer's "no data" for the ISRC).
    public var url: String?
    /// The service that gave the link: `deezer`, `musicbrainz`, …
    public var source: String
    public var fetchedAt: Date
    public var expiresAt: Date

    public init(isrc: String, platform: String, url: String?, source: String, fetchedAt: Date, expiresAt: Date) {
        self.isrc = isrc
        self.platform = platform
        self.url = url
        self.source = source
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }
}

/// A row of `track_link`; a write replaces the row of the same ISRC and platform.
extension TrackLinkFact: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "track_link"
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
