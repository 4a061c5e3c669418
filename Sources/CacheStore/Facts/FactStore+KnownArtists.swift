import Foundation
import GRDB
import SwingCache

extension FactStore {
    /// What MusicBrainz knows of the artists of each of `filepaths`' recordings (``ISRCFactTable/musicBrainzArtist``),
    /// reached through the file's ISRC — its tag's, else the one a MusicBrainz search learned for its current tags;
    /// files it knows nothing of are left out.
    package func knownArtists(_ filepaths: [String]) async throws -> [String: [KnownArtist]] {
        guard !filepaths.isEmpty else { return [:] }
        return try await writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT lt.filepath, a.artists
                    FROM json_each(?) AS wanted CROSS JOIN library_track AS lt ON lt.filepath = wanted.value
                    LEFT JOIN musicbrainz_search AS s
                        ON s.filepath = lt.filepath AND s.fingerprint = lt.fingerprint AND s.missing_reason IS NULL
                    JOIN musicbrainz_artist AS a ON a.isrc = coalesce(lt.isrc, s.isrc)
                    WHERE a.missing_reason IS NULL AND a.artists IS NOT NULL
                    """,
                arguments: [JSONStringList.encode(filepaths)])
            var known: [String: [KnownArtist]] = [:]
            while let row = try rows.next() {
                let text: String = row[1]
                known[row[0]] = (try? JSONDecoder().decode([KnownArtist].self, from: Data(text.utf8))) ?? []
            }
            return known
        }
    }
}
