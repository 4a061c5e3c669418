import Foundation

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
