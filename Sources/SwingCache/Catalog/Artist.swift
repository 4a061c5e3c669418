import Foundation

/// An artist as swingcache stores it. `popularity` and `followers` are nil for Development Mode apps;
/// `genres` is deprecated by Spotify and often empty.
public struct Artist: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var genres: [String]
    public var popularity: Int?
    public var followers: Int?
    public var imageURL: String?
    public var raw: Data

    public init(
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
