import Foundation
import GRDB
import SwingCache

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

/// A row of `lastfm_track`; a write replaces the row of the same key.
extension LastfmTrackFact: FetchableRecord, PersistableRecord {
    package static let databaseTableName = "lastfm_track"
    package static var persistenceConflictPolicy: PersistenceConflictPolicy {
        .init(insert: .replace, update: .replace)
    }

    package init(row: Row) throws {
        self.init(
            key: LastfmTrackKey(artist: row["artist"], title: row["title"]), playCount: row["playcount"],
            listeners: row["listeners"], userPlayCount: row["user_playcount"], username: row["username"],
            tags: try JSONStringList.read(row["tags"]), mbid: row["mbid"], url: row["url"],
            fetchedAt: Date(timeIntervalSince1970: row["fetched_at"]),
            expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
        missing = (row["missing_reason"] as String?).map { MissingReason(rawValue: $0) ?? .notFound }
    }

    package func encode(to container: inout PersistenceContainer) throws {
        container["artist"] = key.artist
        container["title"] = key.title
        container["playcount"] = playCount
        container["listeners"] = listeners
        container["user_playcount"] = userPlayCount
        container["username"] = username
        container["tags"] = JSONStringList.encode(tags)
        container["mbid"] = mbid
        container["url"] = url
        container["missing_reason"] = missing?.rawValue
        container["fetched_at"] = fetchedAt.timeIntervalSince1970
        container["expires_at"] = expiresAt.timeIntervalSince1970
    }
}
