import CacheStore
import Foundation
import SwingCache

extension EnrichedTrackAnswer {
    /// Spotify's popularity beside the library popularity and the figures it blends (docs/play-counts.md).
    package struct Popularity: Encodable {
        package struct Figure: Encodable {
            /// `deezer` (its `rank`), `lastfm` (listeners) or `listenbrainz` (listens).
            package var source: String
            package var figure: Int
            /// Where the figure stands among the library's songs with one from this source, 0–100, to a tenth.
            package var percentile: Double
        }

        /// Spotify's popularity index, 0–100; null for a Development-Mode app or an unmatched file.
        package var spotify: Int?
        /// The mean of the figures' percentiles, 0–100; null when no source has a figure.
        package var library: Int?
        package var figures: [Figure]

        enum CodingKeys: String, CodingKey {
            case spotify, library, figures
        }

        init(_ popularity: SongPopularity) {
            spotify = popularity.spotify
            library = popularity.library
            figures = popularity.figures.map {
                Figure(source: $0.source.rawValue, figure: $0.value, percentile: ($0.percentile * 10).rounded() / 10)
            }
        }

        /// Unknown figures are written as null, as the play counts' are.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(spotify, forKey: .spotify)
            try container.encode(library, forKey: .library)
            try container.encode(figures, forKey: .figures)
        }
    }
}
