import Foundation
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
    public var links: [PlatformLink]
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
