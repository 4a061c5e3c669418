import GRDB

/// The providers' facts (Last.fm, MusicBrainz, ListenBrainz, platform links), the keys they are fetched for, and
/// the enriched track they make.
///
/// ```swift
/// let track = try await database.facts.enrichedTrack(filepath: "/music/a.flac")
/// ```
package struct FactStore: Sendable {
    let writer: any DatabaseWriter
}
