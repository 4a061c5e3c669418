import Foundation

/// Last.fm's `track.getInfo` answer for one (artist, title), or its word that there is no such track.
package struct LastfmTrackFact: Hashable, Sendable {
    package var key: LastfmTrackKey
    /// Every listener's plays; nil when Last.fm did not say.
    package var playCount: Int?
    package var listeners: Int?
    /// `userplaycount` of `username`: this user's plays from every device that scrobbles.
    package var userPlayCount: Int?
    package var username: String?
    /// Top tags, most used first.
    package var tags: [String]
    package var mbid: String?
    package var url: String?
    /// Set when Last.fm said the track does not exist; every figure is then nil.
    package var missing: MissingReason?
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(
        key: LastfmTrackKey, playCount: Int?, listeners: Int?, userPlayCount: Int? = nil, username: String? = nil,
        tags: [String] = [], mbid: String? = nil, url: String? = nil, fetchedAt: Date, expiresAt: Date
    ) {
        self.key = key
        self.playCount = playCount
        self.listeners = listeners
        self.userPlayCount = userPlayCount
        self.username = username
        self.tags = tags
        self.mbid = mbid
        self.url = url
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    /// Last.fm's error 6 for this key: remembered until `expiresAt`.
    package static func missing(
        _ key: LastfmTrackKey, reason: MissingReason = .notFound, fetchedAt: Date, expiresAt: Date
    ) -> LastfmTrackFact {
        var fact = LastfmTrackFact(key: key, playCount: nil, listeners: nil, fetchedAt: fetchedAt, expiresAt: expiresAt)
        fact.missing = reason
        return fact
    }
}
