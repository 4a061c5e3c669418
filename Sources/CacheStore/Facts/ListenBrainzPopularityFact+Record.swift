import Foundation
import GRDB
import SwingCache

/// A row of `listenbrainz_popularity`; a write replaces the row of the same mbid.
extension ListenBrainzPopularityFact: ReplacingRow {
    package static let databaseTableName = "listenbrainz_popularity"
}
