import Foundation

/// A track as swingcache stores it: the columns people query, and the trimmed raw answer.
///
/// Every field Development Mode may omit is optional and stays nil (stored as NULL, never 0).
public struct Track: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var albumID: String?
    public var albumName: String?
    public var artistIDs: [String]
    public var artistNames: [String]
    public var isrc: String?
    public var durationMs: Int?
    public var explicit: Bool?
    public var popularity: Int?
    public var trackNumber: Int?
    public var discNumber: Int?
    public var releaseDate: String?
    public var imageURL: String?
    /// The answer as Spotify sent it, less bulky fields nobody queries (`available_markets`).
    public var raw: Data

    public init(
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
