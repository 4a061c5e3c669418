import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// The popularity of the library file at `filepath`, as `swingcache_library_popularity` computes it now.
    static func songPopularity(filepath: String, _ db: Database) throws -> SongPopularity {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM swingcache_library_popularity WHERE filepath = ?", arguments: [filepath])
        else { return SongPopularity() }
        return songPopularity(row)
    }

    /// A row of `swingcache_library_popularity` as the value the rest of swingcache reads.
    static func songPopularity(_ row: Row) -> SongPopularity {
        let columns: [(LibraryPopularity.Source, String, String)] = [
            (.deezer, "deezerRank", "deezerPercentile"),
            (.lastfm, "lastfmListeners", "lastfmPercentile"),
            (.listenbrainz, "listenbrainzListenCount", "listenbrainzPercentile"),
        ]
        let figures = columns.compactMap { source, figure, percentile -> SongPopularity.Figure? in
            guard let value: Int = row[figure], let rank: Double = row[percentile] else { return nil }
            return SongPopularity.Figure(source: source, value: value, percentile: rank)
        }
        return SongPopularity(spotify: row["spotifyPopularity"], library: row["libraryPopularity"], figures: figures)
    }
}
