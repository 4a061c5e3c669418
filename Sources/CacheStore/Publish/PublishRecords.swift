import Foundation
import GRDB
import SwingCache

/// One library file as publishing sees it: SwingMusic's runtime hash, what it is, and the figures playlists rank by.
package struct PublishableTrack: Hashable, Sendable {
    package var filepath: String
    /// SwingMusic's runtime hash: what its playlists and scrobbles name a song by.
    package var trackhash: String
    package var title: String
    package var artists: [String]
    package var album: String?
    package var durationSeconds: Int?
    /// MusicBrainz's genres of the file's recording, most voted first.
    package var genres: [String]
    /// The MusicBrainz recordings of the file's ISRC, lower-cased.
    package var recordingMBIDs: [String]
    package var playCount: HybridPlayCount
    /// Spotify's popularity and the library popularity, which the `popularity` playlist ranks by.
    package var popularity: SongPopularity

    package init(
        filepath: String, trackhash: String, title: String, artists: [String], album: String? = nil,
        durationSeconds: Int? = nil, genres: [String] = [], recordingMBIDs: [String] = [],
        playCount: HybridPlayCount = HybridPlayCount(localPlayCount: 0), popularity: SongPopularity = SongPopularity()
    ) {
        self.popularity = popularity
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
package struct PublishedPlaylistRecord: Hashable, Sendable, Codable {
    /// The SwingMusic account and server it belongs to: `admin@http://127.0.0.1:1970`.
    package var account: String
    /// Which of swingcache's playlists it is: `most_played`, `genres:shoegaze`.
    package var key: String
    package var playlistID: Int
    package var name: String
    /// Its songs, in order, by runtime hash.
    package var trackhashes: [String]
    package var publishedAt: Date

    package init(account: String, key: String, playlistID: Int, name: String, trackhashes: [String], publishedAt: Date)
    {
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
    package static let databaseTableName = "published_playlist"
    package static var persistenceConflictPolicy: PersistenceConflictPolicy {
        .init(insert: .replace, update: .replace)
    }

    package func encode(to container: inout PersistenceContainer) throws {
        container["account"] = account
        container["playlist_key"] = key
        container["playlist_id"] = playlistID
        container["name"] = name
        container["trackhashes"] = JSONStringList.encode(trackhashes)
        container["published_at"] = publishedAt.timeIntervalSince1970
    }
}

/// One play swingcache imported into SwingMusic from a listening history.
package struct ImportedPlayRecord: Hashable, Sendable, Codable {
    /// The SwingMusic user it was written for.
    package var user: String
    package var trackhash: String
    /// When it was played, Unix seconds, as the service reported it.
    package var listenedAt: Int
    /// `lastfm` or `listenbrainz`.
    package var source: String
    package var filepath: String?

    package init(user: String, trackhash: String, listenedAt: Int, source: String, filepath: String?) {
        self.user = user
        self.trackhash = trackhash
        self.listenedAt = listenedAt
        self.source = source
        self.filepath = filepath
    }
}

/// How far a user's history was imported from one service: everything up to `newestListenedAt` is in SwingMusic.
/// A listen of a user's history that matched no library song when it was read.
package struct UnmatchedListenRecord: Hashable, Sendable {
    /// `lastfm` or `listenbrainz`.
    package var source: String
    package var listenedAt: Int
    package var artist: String
    package var title: String
    package var album: String?
    package var recordingMBID: String?

    package init(
        source: String, listenedAt: Int, artist: String, title: String, album: String? = nil,
        recordingMBID: String? = nil
    ) {
        self.source = source
        self.listenedAt = listenedAt
        self.artist = artist
        self.title = title
        self.album = album
        self.recordingMBID = recordingMBID
    }
}

package struct HistoryCursor: Hashable, Sendable, Codable {
    package var user: String
    package var source: String
    /// The user's name at the service.
    package var serviceUser: String
    package var newestListenedAt: Int

    package init(user: String, source: String, serviceUser: String, newestListenedAt: Int) {
        self.user = user
        self.source = source
        self.serviceUser = serviceUser
        self.newestListenedAt = newestListenedAt
    }
}
