import Foundation

/// An album as swingcache stores it. Fields Development Mode omits (`label`, `popularity`) stay nil.
public struct Album: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var albumType: String?
    public var artistIDs: [String]
    public var artistNames: [String]
    public var releaseDate: String?
    public var releaseDatePrecision: String?
    public var totalTracks: Int?
    public var upc: String?
    public var label: String?
    public var popularity: Int?
    public var genres: [String]
    public var imageURL: String?
    public var raw: Data

    public init(
        id: String, name: String, albumType: String? = nil, artistIDs: [String] = [], artistNames: [String] = [],
        releaseDate: String? = nil, releaseDatePrecision: String? = nil, totalTracks: Int? = nil, upc: String? = nil,
        label: String? = nil, popularity: Int? = nil, genres: [String] = [], imageURL: String? = nil,
        raw: Data = Data("{}".utf8)
    ) {
        self.id = id
        self.name = name
        self.albumType = albumType
        self.artistIDs = artistIDs
        self.artistNames = artistNames
        self.releaseDate = releaseDate
        self.releaseDatePrecision = releaseDatePrecision
        self.totalTracks = totalTracks
        self.upc = upc
        self.label = label
        self.popularity = popularity
        self.genres = genres
        self.imageURL = imageURL
        self.raw = raw
    }
}
