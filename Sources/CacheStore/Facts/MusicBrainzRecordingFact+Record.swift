import Foundation
import GRDB
import SwingCache

/// A row of `musicbrainz_recording`; a write replaces the row of the same ISRC.
///
/// Its links are rows of `track_link`, not columns: the store's `save(EnrichmentRecord)` writes them beside it.
extension MusicBrainzRecordingFact: ReplacingRow {
    package static let databaseTableName = "musicbrainz_recording"
}
