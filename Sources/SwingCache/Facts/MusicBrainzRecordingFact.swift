import Foundation

/// What MusicBrainz knows of one ISRC: its recordings, their genres and tags, and the links they name.
package struct MusicBrainzRecordingFact: Hashable, Sendable, Codable {
    package var isrc: String
    /// Every recording with the ISRC, the one genres were read from first.
    package var mbids: [String]
    /// Most voted first.
    package var genres: [String]
    package var tags: [String]
    /// The recording's url relations (streaming links), stored in `track_link` with source `musicbrainz`.
    package var links: [PlatformLink] = []
    /// Set when MusicBrainz has no recording with the ISRC.
    package var missing: MissingReason?
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(
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
    package static func missing(
        isrc: String, reason: MissingReason = .notFound, fetchedAt: Date, expiresAt: Date
    ) -> MusicBrainzRecordingFact {
        var fact = MusicBrainzRecordingFact(isrc: isrc, mbids: [], fetchedAt: fetchedAt, expiresAt: expiresAt)
        fact.missing = reason
        return fact
    }

    enum CodingKeys: String, CodingKey {
        case isrc, mbids, genres, tags
        case missing = "missingReason"
        case fetchedAt, expiresAt
    }
}
