/// What `swingcache publish` writes into SwingMusic for a job (`publish:`): playlists that show the enrichment, and
/// the listening history of the users who opt in.
///
/// ```yaml
/// publish:
///   playlists:
///     genres: { min_tracks: 3 }          # "Genre: shoegaze", one per MusicBrainz genre
///     most_played: { size: 50 }          # by your own plays (local + your Last.fm scrobbles)
///     most_listened: { size: 50 }        # by plays worldwide (Last.fm, ListenBrainz)
///     popularity: { size: 50, name: "Popular on Spotify" }
///   history:
///     - user: alice                      # the SwingMusic user the plays belong to
///       lastfm: alice_fm                 # her Last.fm user name (needs LASTFM_API_KEY)
///       listenbrainz: alice_lb           # her ListenBrainz user name
/// ```
package struct PublishSettings: Sendable, Equatable {
    /// The playlists to keep in SwingMusic, in the order the spec lists them.
    package var playlists: [PlaylistRule]
    /// The users whose Last.fm and ListenBrainz history is imported into SwingMusic as their plays.
    package var history: [HistoryImport]
    /// Where the spec said `publish:`, for messages.
    package var origin: SourceLocation

    package init(playlists: [PlaylistRule] = [], history: [HistoryImport] = [], origin: SourceLocation) {
        self.playlists = playlists
        self.history = history
        self.origin = origin
    }
}

/// One kind of playlist swingcache keeps in SwingMusic.
package struct PlaylistRule: Sendable, Hashable {
    package enum Kind: String, CaseIterable, Sendable {
        /// One playlist per MusicBrainz genre with at least `minTracks` songs.
        case genres
        /// The songs you played most: SwingMusic's plays and your own Last.fm scrobbles, each play once.
        case mostPlayed = "most_played"
        /// The songs played most worldwide: Last.fm's and ListenBrainz's counts.
        case mostListened = "most_listened"
        /// The most popular songs: by Spotify's popularity where the app receives it, else the library popularity.
        case popularity

        /// The playlist's name when the spec gives none; for genres, the part before the genre's name.
        package var defaultName: String {
            switch self {
            case .genres: "Genre: "
            case .mostPlayed: "Most played"
            case .mostListened: "Most listened worldwide"
            case .popularity: "Spotify popularity"
            }
        }
    }

    package var kind: Kind
    /// The playlist's name; for genres, the prefix the genre's name follows.
    package var name: String
    /// The most songs a ranked playlist holds; genre playlists hold every song of the genre.
    package var size: Int
    /// The fewest songs a genre needs for a playlist of its own.
    package var minTracks: Int

    package static let defaultSize = 50
    package static let defaultMinTracks = 3

    package init(kind: Kind, name: String? = nil, size: Int = defaultSize, minTracks: Int = defaultMinTracks) {
        self.kind = kind
        self.name = name ?? kind.defaultName
        self.size = size
        self.minTracks = minTracks
    }
}

/// One SwingMusic user's opt-in to having their Last.fm scrobbles and ListenBrainz listens imported as their plays.
package struct HistoryImport: Sendable, Hashable {
    /// The SwingMusic user (`user.username`) the plays are written for.
    package var user: String
    package var lastfmUser: String?
    package var listenbrainzUser: String?
    package var origin: SourceLocation

    package init(user: String, lastfmUser: String? = nil, listenbrainzUser: String? = nil, origin: SourceLocation) {
        self.user = user
        self.lastfmUser = lastfmUser
        self.listenbrainzUser = listenbrainzUser
        self.origin = origin
    }
}
