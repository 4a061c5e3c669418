import Foundation
import GRDB
import SwingCache

/// A row of `track_link`; a write replaces the row of the same ISRC and platform.
extension TrackLinkFact: ReplacingRow {
    package static let databaseTableName = "track_link"
}
