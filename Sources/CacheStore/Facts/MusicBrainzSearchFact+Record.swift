import Foundation
import GRDB
import SwingCache

/// A row of `musicbrainz_search`; a write replaces the row of the same file.
extension MusicBrainzSearchFact: ReplacingRow {
    package static let databaseTableName = "musicbrainz_search"
}
