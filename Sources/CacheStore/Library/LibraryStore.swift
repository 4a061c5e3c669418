import GRDB

/// The library's files as SwingMusic shows them, their matches to Spotify tracks, the review of those matches and
/// the export of the enriched library.
///
/// ```swift
/// let order = try await database.library.libraryFilesNeedingMatching()
/// ```
package struct LibraryStore: Sendable {
    let writer: any DatabaseWriter
}
