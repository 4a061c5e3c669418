import Foundation

/// An artist as swingcache stores it. `popularity` and `followers` are nil for Development Mode apps;
/// `genres` is deprecated by Spotify and often empty.
package struct Artist: Hashable, Sendable, Codable {
    package var id: String
    package var name: String
    package var genres: [String]
    package var popularity: Int?
    package var followers: Int?
    package var imageURL: String?
    package var raw: Data

    package init(
        id: String, name: String, genres: [String] = [], popularity: Int? = nil, followers: Int? = nil,
        imageURL: String? = nil, raw: Data = Data("{}".utf8)
    ) {
        self.id = id
        self.name = name
        self.genres = genres
        self.popularity = popularity
        self.followers = followers
        self.imageURL = imageURL
        self.raw = raw
    }
}
