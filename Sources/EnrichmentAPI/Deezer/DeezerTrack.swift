/// A Deezer track, as far as swingcache keeps it: its id and link, for cross-platform links, and the figures
/// Deezer gives with it (`deezer_track`).
package struct DeezerTrack: Hashable, Sendable {
    package var id: Int
    package var title: String
    /// `https://www.deezer.com/track/{id}`.
    package var link: String
    package var isrc: String?
    package var durationSeconds: Int?
    /// Deezer's popularity of the track, up to about 1 000 000.
    package var rank: Int?
    /// Its tempo in beats per minute; nil where Deezer sends none, or 0 for a track it has not analysed.
    package var bpm: Double?
    /// Its loudness adjustment, in dB.
    package var gain: Double?

    package init(
        id: Int, title: String, link: String, isrc: String?, durationSeconds: Int?, rank: Int? = nil,
        bpm: Double? = nil, gain: Double? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.isrc = isrc
        self.durationSeconds = durationSeconds
        self.rank = rank
        self.bpm = bpm
        self.gain = gain
    }
}
