/// A song's popularity within the library, 0–100, from the worldwide figures every app gets (issue 25): Deezer's
/// `rank`, Last.fm's listeners and ListenBrainz's listen count.
///
/// ```swift
/// let ranked = LibraryPopularity.percentiles(of: ["a": 10, "b": 20, "c": 20, "d": 40])
/// // a 0, b 50, c 50, d 100: b and c share ranks 2 and 3, so each stands at their mean
/// LibraryPopularity.blend([ranked["b"]!, 90])  // 70
/// ```
///
/// **The rule** (docs/play-counts.md says why):
/// - *Per source*, a song's **percentile** is where its figure stands among the library's songs that have a figure
///   from that source: `100 × (songs below + (songs equal − 1) / 2) / (songs − 1)`. Ties share the mean of their
///   ranks; the least popular song is 0, the most popular 100; a source with one song puts it at 50. Each song
///   counts once, by the key the source is asked with (Deezer and ListenBrainz by ISRC, Last.fm by artist and title),
///   so copies of a song do not weigh twice.
/// - The **library popularity** is the mean of the song's available percentiles, rounded half away from zero;
///   nil when no source has a figure. A missing source is left out, not counted as 0.
package enum LibraryPopularity {
    /// A source of a figure the library popularity blends.
    package enum Source: String, Hashable, Sendable, CaseIterable, Codable {
        /// `rank` of Deezer's ISRC look-up (`deezer_track`).
        case deezer
        /// `listeners` of Last.fm's `track.getInfo` (`lastfm_track`).
        case lastfm
        /// `total_listen_count` of ListenBrainz's popularity, summed over the ISRC's recordings.
        case listenbrainz
    }

    /// Each key's percentile (0–100) among `figures`, ties at the mean of their ranks.
    package static func percentiles<Key: Hashable>(of figures: [Key: Int]) -> [Key: Double] {
        guard figures.count > 1 else { return figures.mapValues { _ in 50 } }
        var songsWithFigure: [Int: Int] = [:]
        for figure in figures.values { songsWithFigure[figure, default: 0] += 1 }
        var below = 0
        var songsBelow: [Int: Int] = [:]
        for figure in songsWithFigure.keys.sorted() {
            songsBelow[figure] = below
            below += songsWithFigure[figure] ?? 0
        }
        let span = Double(figures.count - 1)
        return figures.mapValues { figure in
            let equal = Double(songsWithFigure[figure] ?? 1)
            return 100 * (Double(songsBelow[figure] ?? 0) + (equal - 1) / 2) / span
        }
    }

    /// The mean of `percentiles`, rounded half away from zero; nil when there is none.
    package static func blend(_ percentiles: [Double]) -> Int? {
        guard !percentiles.isEmpty else { return nil }
        return Int((percentiles.reduce(0, +) / Double(percentiles.count)).rounded())
    }
}
