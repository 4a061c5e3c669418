import Foundation
import SwingCache

/// Last.fm's `track.getInfo` answer for one (artist, title), or its word that there is no such track.
public struct LastfmTrackFact: Hashable, Sendable {
    public var key: LastfmTrackKey
    /// Every listener's plays; nil when Last.fm did not say.
    public var playCount: Int?
    public var listeners: Int?
    /// `userplaycount` of `username`: this user's plays from every device that scrobbles.
    public var userPlayCount: Int?
    public var username: String?
    /// Top tags, most used first.
    public var tags: [String]
    public var mbid: String?
    public var url: String?
    /// Set when Last.fm said the track does not exist; every figure is then nil.
    public var missing: MissingReason?
    public var fetchedAt: Date
    public var expiresAt: Date

    public init(
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
    public static func missing(
        _ key: LastfmTrackKey, reason: MissingReason = .notFound, fetchedAt: Date, expiresAt: Date
    ) -> LastfmTrackFact {
        var fact = LastfmTrackFact(key: key, playCount: nil, listeners: nil, fetchedAt: fetchedAt, expiresAt: expiresAt)
        fact.missing = reason
        return fact
    }
}
