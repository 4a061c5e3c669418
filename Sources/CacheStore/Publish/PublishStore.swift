import GRDB

/// What `publish` wrote into SwingMusic: its playlists, the plays it imported, how far each user's history was
/// imported.
///
/// ```swift
/// let tracks = try await database.publish.publishableTracks()
/// ```
package struct PublishStore: Sendable {
    let writer: any DatabaseWriter
}
