import Foundation

/// An album as swingcache stores it. Fields Development Mode omits (`label`, `popularity`) stay nil.
package struct Album: Hashable, Sendable, Codable {
    package var id: String
    package var name: String
    package var albumType: String?
    package var artistIDs: [String]
    package var artistNames: [String]
    package var releaseDate: String?
    package var releaseDatePrecision: String?
    package var totalTracks: Int?
    package var upc: String?
    package var label: String?
    package var popularity: Int?
    package var genres: [String]
    package var imageURL: String?
    package var raw: Data

    package init(
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
