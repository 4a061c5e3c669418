import Foundation

/// ListenBrainz's popularity of one recording mbid: every user's listens, and how many users.
package struct ListenBrainzPopularityFact: Hashable, Sendable, Codable {
    package var mbid: String
    /// Nil, with `userCount`, when ListenBrainz answered null: it knows no listen of the recording.
    package var listenCount: Int?
    package var userCount: Int?
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(mbid: String, listenCount: Int?, userCount: Int?, fetchedAt: Date, expiresAt: Date) {
        self.mbid = mbid
        self.listenCount = listenCount
        self.userCount = userCount
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }
}
