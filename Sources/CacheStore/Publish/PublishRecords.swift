import Foundation
import GRDB
import SwingCache

/// One library file as publishing sees it: SwingMusic's runtime hash, what it is, and the figures playlists rank by.
public struct PublishableTrack: Hashable, Sendable {
    public var filepath: String
    /// SwingMusic's runtime hash: what its playlists and scrobbles name a song by.
    public var trackhash: String
    public var title: String
    public var artists: [String]
    public var album: String?
    public var durationSeconds: Int?
    /// MusicBrainz's genres of the file's recording, most voted first.
    public var genres: [String]
    /// The MusicBrainz recordings of the file's ISRC, lower-cased.
    public var recordingMBIDs: [String]
    public var playCount: HybridPlayCount

    public init(
        filepath: String, trackhash: String, title: String, artists: [String], album: String? = nil,
        durationSeconds: Int? = nil, genres: [String] = [], recordingMBIDs: [String] = [],
        playCount: HybridPlayCount = HybridPlayCount(localPlayCount: 0)
    ) {
        self.filepath = filepath
        self.trackhash = trackhash
        self.title = title
        self.artists = artists
        self.album = album
        self.durationSeconds = durationSeconds
        self.genres = genres
        self.recordingMBIDs = recordingMBIDs
        self.playCount = playCount
    }
}

/// A playlist swingcache keeps in SwingMusic, as it last published it.
public struct PublishedPlaylistRecord: Hashable, Sendable, Codable {
    /// The SwingMusic account and server it belongs to: `admin@http://127.0.0.1:1970`.
    public var account: String
    /// Which of swingcache's playlists it is: `most_played`, `genres:shoegaze`.
    public var key: String
    public var playlistID: Int
    public var name: String
    /// Its songs, in order, by runtime hash.
    public var trackhashes: [String]
    public var publishedAt: Date

    public init(account: String, key: String, playlistID: Int, name: String, trackhashes: [String], publishedAt: Date) {
        self.account = account
        self.key = key
        self.playlistID = playlistID
        self.name = name
        self.trackhashes = trackhashes
        self.publishedAt = publishedAt
    }
}

/// A row of `published_playlist`; a write replaces the playlist of the same account and key.
extension PublishedPlaylistRecord: PersistableRecord {
    public static let databaseTableName = "published_playlist"
    public static var persistenceConflictPolicy: PersistenceConflictPolicy { .init(insert: .replace, update: .replace) }

    public func encode(to container: inout PersistenceContainer) throws {
        container["account"] = account
        container["playlist_key"] = key
        container["playlist_id"] = playlistID
        container["name"] = name
        container["trackhashes"] = JSONStringList.encode(trackhashes)
        container["published_at"] = publishedAt.timeIntervalSince1970
    }
}

/// One play swingcache imported into SwingMusic from a listening history.
public struct ImportedPlayRecord: Hashable, Sendable, Codable {
    /// The SwingMusic user it was written for.
    public var user: String
    public var trackhash: String
    /// When it was played, Unix seconds, as the service reported it.
    public var listenedAt: Int
    /// `lastfm` or `listenbrainz`.
    public var source: String
    public var filepath: String?

    public init(user: String, trackhash: String, listenedAt: Int, source: String, filepath: String?) {
        self.user = user
        self.trackhash = trackhash
        self.listenedAt = listenedAt
        self.source = source
        self.filepath = filepath
    }
}

/// How far a user's history was imported from one service: everything up to `newestListenedAt` is in SwingMusic.
public struct HistoryCursor: Hashable, Sendable, Codable {
    public var user: String
    public var source: String
    /// The user's name at the service.
    public var serviceUser: String
    public var newestListenedAt: Int

    public init(user: String, source: String, serviceUser: String, newestListenedAt: Int) {
        self.user = user
        self.source = source
        self.serviceUser = serviceUser
        self.newestListenedAt = newestListenedAt
    }
}
