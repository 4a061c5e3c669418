import Foundation

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
