/// One Spotify track the matcher weighed for a local file, as `swingcache review` shows it.
package struct MatchCandidate: Hashable, Sendable, Codable {
    package var spotifyID: String
    package var name: String
    package var artists: [String]
    package var album: String?
    package var durationMs: Int?
    package var isrc: String?
    /// Its score against the file, part by part.
    package var score: MatchScore

    package init(track: Track, score: MatchScore) {
        spotifyID = track.id
        name = track.name
        artists = track.artistNames
        album = track.albumName
        durationMs = track.durationMs
        isrc = track.isrc
        self.score = score
    }
}
