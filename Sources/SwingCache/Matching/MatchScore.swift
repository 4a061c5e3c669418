/// How well one candidate fits a local track, part by part, each in 0...1.
package struct MatchScore: Hashable, Sendable, Codable {
    /// Similarity of the base titles, times ``MatchRule/versionMismatchFactor`` when their versions differ.
    package var title: Double
    /// Nil when the local track has no artist.
    package var artist: Double?
    /// Nil when either side has no album.
    package var album: Double?
    /// Nil when either side has no duration.
    package var duration: Double?

    package init(title: Double, artist: Double?, album: Double?, duration: Double?) {
        self.title = title
        self.artist = artist
        self.album = album
        self.duration = duration
    }

    /// The weighted mean of the parts present (weights in ``MatchRule``).
    package var total: Double {
        let parts: [(Double?, Double)] = [
            (title, MatchRule.titleWeight), (artist, MatchRule.artistWeight), (duration, MatchRule.durationWeight),
            (album, MatchRule.albumWeight),
        ]
        var sum = 0.0
        var weights = 0.0
        for case (let value?, let weight) in parts {
            sum += value * weight
            weights += weight
        }
        return weights > 0 ? sum / weights : 0
    }
}
