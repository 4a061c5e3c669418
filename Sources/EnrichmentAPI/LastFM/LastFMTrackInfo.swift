/// What Last.fm knows of one track: its counts, and the user's when a username was given.
package struct LastFMTrackInfo: Hashable, Sendable {
    package var name: String
    package var artist: String
    /// The MusicBrainz recording id, when Last.fm has one.
    package var mbid: String?
    package var url: String?
    /// Plays by every Last.fm user; nil when the answer had none (never 0 for "absent").
    package var playcount: Int?
    package var listeners: Int?
    /// Plays by the user the request named; nil when it named none.
    package var userPlaycount: Int?
    /// Tag names, most used first.
    package var topTags: [String]

    package init(
        name: String, artist: String, mbid: String? = nil, url: String? = nil, playcount: Int? = nil,
        listeners: Int? = nil, userPlaycount: Int? = nil, topTags: [String] = []
    ) {
        self.name = name
        self.artist = artist
        self.mbid = mbid
        self.url = url
        self.playcount = playcount
        self.listeners = listeners
        self.userPlaycount = userPlaycount
        self.topTags = topTags
    }
}
