import SwingCache

/// Where the enrichers find the keys the library gives them, and the previews what the store holds of each; the
/// cache database is the one source of a run.
///
/// ```swift
/// let isrcs = try await source.libraryISRCs()
/// ```
package protocol EnrichmentKeySource: Sendable {
    /// The Last.fm keys of every library file, each once.
    func libraryLastfmKeys() async throws -> [LastfmTrackKey]
    /// The ISRC of every library file, each once.
    func libraryISRCs() async throws -> [String]
    /// The recording mbids stored MusicBrainz facts name for `isrcs`, each once.
    func recordingMBIDs(forISRCs isrcs: [String]) async throws -> [String]
    /// The library files with no ISRC, neither their own nor their match's, the most played first.
    func libraryFilesWithoutISRC() async throws -> [LibraryFile]
    /// What the store holds of each key, found or known missing; a key it holds nothing of is left out.
    func enrichmentStates(for keys: [EnrichmentKey]) async throws -> [EnrichmentKey: CacheEntryState]
}
