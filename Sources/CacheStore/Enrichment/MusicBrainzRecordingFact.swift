import Foundation
import GRDB
import SwingCache

/// What MusicBrainz knows of one ISRC: its recordings, their genres and tags, and the links they name.
public struct MusicBrainzRecordingFact: Hashable, Sendable {
    public var isrc: String
    /// Every recording with the ISRC, the one genres were read from first.
    public var mbids: [String]
    /// Most voted first.
    public var genres: [String]
    public var tags: [String]
    /// The recording's url relations (streaming links), stored in `track_link` with source `musicbrainz`.
    public var links: [PlatformLink] = []
    /// Set when MusicBrainz has no recording with the ISRC.
    public var missing: MissingReason?
    public var fetchedAt: Date
    public var expiresAt: Date

    public init(
        isrc: String, mbids: [String], genres: [String] = [], tags: [String] = [], links: [PlatformLink] = [],
        fetchedAt: Date, expiresAt: Date
    ) {
        self.isrc = isrc
        self.mbids = mbids
        self.genres = genres
        self.tags = tags
        self.links = links
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    /// MusicBrainz's 404 for the ISRC: remembered until `expiresAt`.
    public static func missing(
        isrc: String, reason: MissingReason = .notFound, fetchedAt: Date, expiresAt: Date
    ) -> MusicBrainzRecordingFact {
        var fact = MusicBrainzRecordingFact(isrc: isrc, mbids: [], fetchedAt: fetchedAt, expiresAt: expiresAt)
        fact.missing = reason
        return fact
    }
}

/// A row of `musicbrainz_recording`; a write replaces the row of the same ISRC.
///
/// Its links are rows of `track_link`, not columns: the store's `save(EnrichmentRecord)` writes them beside it.
extension MusicBrainzRecordingFact: Codable, FetchableRecord, PersistableRecord {
    enum CodingKeys: String, CodingKey {
        case isrc, mbids, genres, tags
        case missing = "missingReason"
        case fetchedAt, expiresAt
    }

    public static let databaseTableName = "musicbrainz_recording"
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
