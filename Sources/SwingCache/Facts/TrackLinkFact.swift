import Foundation

/// The page of a recording (by ISRC) on one platform, or the word that the platform has none.
package struct TrackLinkFact: Hashable, Sendable, Codable {
    package var isrc: String
    package var platform: String
    /// Nil when the platform said it has no such track (Deezer's "no data" for the ISRC).
    package var url: String?
    /// The service that gave the link: `deezer`, `musicbrainz`, …
    package var source: String
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(isrc: String, platform: String, url: String?, source: String, fetchedAt: Date, expiresAt: Date) {
        self.isrc = isrc
        self.platform = platform
        self.url = url
        self.source = source
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }
}
