import GRDB

/// Cached Spotify entities (track, album, artist), known-missing ids and their freshness.
///
/// ```swift
/// let states = try await database.catalog.cacheStates(for: ids)
/// ```
package struct CatalogStore: Sendable {
    let writer: any DatabaseWriter
}
