import Foundation

/// A track as swingcache stores it: the columns people query, and the trimmed raw answer.
///
/// Every field Development Mode may omit is optional and stays nil (stored as NULL, never 0).
package struct Track: Hashable, Sendable, Codable {
    package var id: String
    package var name: String
    package var albumID: String?
    package var albumName: String?
    package var artistIDs: [String]
    package var artistNames: [String]
    package var isrc: String?
    package var durationMs: Int?
    package var explicit: Bool?
    package var popularity: Int?
    package var trackNumber: Int?
    package var discNumber: Int?
    package var releaseDate: String?
    package var imageURL: String?
    /// The answer as Spotify sent it, less bulky fields nobody queries (`available_markets`).
    package var raw: Data

    package init(
        id: String, name: String, albumID: String? = nil, albumName: String? = nil, artistIDs: [String] = [],
        artistNames: [String] = [], isrc: String? = nil, durationMs: Int? = nil, explicit: Bool? = nil,
        popularity: Int? = nil, trackNumber: Int? = nil, discNumber: Int? = nil, releaseDate: String? = nil,
        imageURL: String? = nil, raw: Data = Data("{}".utf8)
    ) {
        self.id = id
        self.name = name
        self.albumID = albumID
        self.albumName = albumName
        self.artistIDs = artistIDs
        self.artistNames = artistNames
        self.isrc = isrc
        self.durationMs = durationMs
        self.explicit = explicit
        self.popularity = popularity
        self.trackNumber = trackNumber
        self.discNumber = discNumber
        self.releaseDate = releaseDate
        self.imageURL = imageURL
        self.raw = raw
    }
}
