import SwingCache

/// What cleanup removed (or, in a dry run, would remove).
package struct CleanupReport: Hashable, Sendable, Codable {
    package var dryRun: Bool
    package var tracks = 0
    package var albums = 0
    package var artists = 0
    package var missingIDs = 0
    package var ledgerRows = 0
    /// Expired provider facts, found or known-missing, by table.
    package var lastfmTracks = 0
    package var musicbrainzRecordings = 0
    package var listenbrainzPopularity = 0
    package var trackLinks = 0
    /// Expired rows of the providers' own tables (``ISRCFactTable/registered``), by table.
    package var factTables: [String: Int] = [:]
    package var bytesReclaimed = 0

    package var entries: Int { tracks + albums + artists }
    package var providerFacts: Int {
        lastfmTracks + musicbrainzRecordings + listenbrainzPopularity + trackLinks + factTables.values.reduce(0, +)
    }
    package var total: Int { entries + missingIDs + ledgerRows + providerFacts }
}
