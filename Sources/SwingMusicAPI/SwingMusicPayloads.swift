import Foundation
import SwingCache

/// `GET /auth/users`.
package struct SwingMusicUsersPayload: Decodable, Sendable {
    package struct User: Decodable, Sendable, Hashable {
        package var id: Int
        package var username: String
        package var roles: [String]?
    }

    package var users: [User]
}

/// `GET /backup/list`.
package struct SwingMusicBackupsPayload: Decodable, Sendable {
    package struct Backup: Decodable, Sendable {
        package var name: String
    }

    package var backups: [Backup]
}

/// `GET /playlists`.
package struct SwingMusicPlaylistsPayload: Decodable, Sendable {
    package var data: [SwingMusicPlaylist]
}

/// A playlist as SwingMusic lists it.
package struct SwingMusicPlaylist: Decodable, Sendable, Hashable {
    package var id: Int
    package var name: String
    package var count: Int?
    /// Kept whole, keys swingcache does not know included, so writing it back loses nothing SwingMusic or its web
    /// client put there.
    package var settings: [String: JSONValue]?
    package var extra: [String: JSONValue]?
}

/// `POST /playlists/new`.
package struct SwingMusicCreatedPlaylistPayload: Decodable, Sendable {
    package var playlist: SwingMusicPlaylist
}

/// `GET /playlists/{id}`: its tracks, in order.
package struct SwingMusicPlaylistTracksPayload: Decodable, Sendable {
    package struct Track: Decodable, Sendable, Hashable {
        package var trackhash: String
    }

    package var info: SwingMusicPlaylist
    package var tracks: [Track]
}
