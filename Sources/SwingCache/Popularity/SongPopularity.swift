/// One library file's popularity: Spotify's own index when the app gets it, and the library popularity with the
/// figures it was blended from (``LibraryPopularity``).
package struct SongPopularity: Hashable, Sendable {
    /// One source's figure for the song and its percentile among the library's songs with that source's figure.
    package struct Figure: Hashable, Sendable {
        package var source: LibraryPopularity.Source
        package var value: Int
        /// 0–100.
        package var percentile: Double

        package init(source: LibraryPopularity.Source, value: Int, percentile: Double) {
            self.source = source
            self.value = value
            self.percentile = percentile
        }
    }

    /// Spotify's popularity index, 0–100; nil for an app in Development Mode or an unmatched file.
    package var spotify: Int?
    /// The mean of ``figures``' percentiles, 0–100; nil when no source has a figure for the song.
    package var library: Int?
    /// The figures blended, in ``LibraryPopularity/Source`` order.
    package var figures: [Figure]

    package init(spotify: Int? = nil, library: Int? = nil, figures: [Figure] = []) {
        self.spotify = spotify
        self.library = library
        self.figures = figures
    }

    /// What the `popularity` playlist ranks by: Spotify's index when there is one, else the library popularity.
    package var ranking: Int? { spotify ?? library }
}
