import Foundation
import GRDB
import SwingCache

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
