import Foundation

/// One play of a track in a user's listening history, as Last.fm or ListenBrainz reported it.
///
/// The same play reported to both services arrives twice, once per source, with the same `timestamp`: telling them
/// apart is the importer's business.
///
/// ```swift
/// let listen = Listen(source: .lastfm, artist: "Queen & David Bowie", title: "Under Pressure", timestamp: 1_795_600_000)
/// ```
package struct Listen: Hashable, Sendable, Codable {
    package var source: ListenSource
    package var artist: String
    package var title: String
    package var album: String?
    /// The MusicBrainz recording id the service gave, lower-cased; nil when it gave none.
    package var recordingMBID: String?
    /// When the play started (ListenBrainz) or was scrobbled (Last.fm), in Unix seconds, UTC.
    package var timestamp: Int

    /// An empty `album` or `recordingMBID` reads as none; the id is lower-cased.
    package init(
        source: ListenSource, artist: String, title: String, album: String? = nil, recordingMBID: String? = nil,
        timestamp: Int
    ) {
        self.source = source
        self.artist = artist
        self.title = title
        self.album = album?.trimmingCharacters(in: .whitespaces).nonEmpty
        self.recordingMBID = recordingMBID?.trimmingCharacters(in: .whitespaces).lowercased().nonEmpty
        self.timestamp = timestamp
    }
}
