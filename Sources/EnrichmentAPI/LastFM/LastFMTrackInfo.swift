/// What Last.fm knows of one track: its counts, and the user's when a username was given.
public struct LastFMTrackInfo: Hashable, Sendable {
    public var name: String
    public var artist: String
    /// The MusicBrainz recording id, when Last.fm has one.
    public var mbid: String?
    public var url: String?
    /// Plays by every Last.fm user; nil when the answer had none (never 0 for "absent").
    public var playcount: Int?
    public var listeners: Int?
    /// Plays by the user the request named; nil when it named none.
    public var userPlaycount: Int?
    /// Tag names, most used first.
    public var topTags: [String]

    public init(
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
