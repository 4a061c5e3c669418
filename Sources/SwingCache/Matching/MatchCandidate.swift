/// One Spotify track the matcher weighed for a local file, as `swingcache review` shows it.
public struct MatchCandidate: Hashable, Sendable, Codable {
    public var spotifyID: String
    public var name: String
    public var artists: [String]
    public var album: String?
    public var durationMs: Int?
    public var isrc: String?
    /// Its score against the file, part by part.
    public var score: MatchScore

    public init(track: Track, score: MatchScore) {
        spotifyID = track.id
        name = track.name
        artists = track.artistNames
        album = track.albumName
        durationMs = track.durationMs
        isrc = track.isrc
        self.score = score
    }
}
