import Foundation

/// The shapes of Spotify's answers, as far as swingcache reads them. Every field Development Mode may omit
/// is optional. Snake-case fields name their keys: cheaper than a decoder that converts every key it meets.
struct TokenPayload: Decodable {
    var accessToken: String
    var expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case expiresIn = "expires_in"
    }
}

struct TokenErrorPayload: Decodable {
    var error: String
}

struct ErrorPayload: Decodable {
    struct Body: Decodable {
        var status: Int?
        var message: String?
        var reason: String?
    }

    var error: Body
}

struct ImagePayload: Decodable {
    var url: String
    var width: Int?
}

struct ArtistReference: Decodable {
    var id: String?
    var name: String
}

struct ExternalIDsPayload: Decodable {
    var isrc: String?
    var upc: String?
}

struct AlbumReference: Decodable {
    var id: String?
    var name: String
    var releaseDate: String?
    var images: [ImagePayload]?

    enum CodingKeys: String, CodingKey {
        case id, name, images
        case releaseDate = "release_date"
    }
}

/// Only the `id` of an object: what a search item is stored under.
struct IdentifiedPayload: Decodable {
    var id: String?
}

struct TrackPayload: Decodable {
    var name: String
    var album: AlbumReference?
    var artists: [ArtistReference]?
    var externalIds: ExternalIDsPayload?
    var durationMs: Int?
    var explicit: Bool?
    var popularity: Int?
    var trackNumber: Int?
    var discNumber: Int?

    enum CodingKeys: String, CodingKey {
        case name, album, artists, explicit, popularity
        case externalIds = "external_ids"
        case durationMs = "duration_ms"
        case trackNumber = "track_number"
        case discNumber = "disc_number"
    }
}

struct AlbumPayload: Decodable {
    var name: String
    var albumType: String?
    var artists: [ArtistReference]?
    var releaseDate: String?
    var releaseDatePrecision: String?
    var totalTracks: Int?
    var externalIds: ExternalIDsPayload?
    var label: String?
    var popularity: Int?
    var genres: [String]?
    var images: [ImagePayload]?

    enum CodingKeys: String, CodingKey {
        case name, artists, label, popularity, genres, images
        case albumType = "album_type"
        case releaseDate = "release_date"
        case releaseDatePrecision = "release_date_precision"
        case totalTracks = "total_tracks"
        case externalIds = "external_ids"
    }
}

struct ArtistPayload: Decodable {
    struct Followers: Decodable {
        var total: Int?
    }

    var name: String
    var genres: [String]?
    var popularity: Int?
    var followers: Followers?
    var images: [ImagePayload]?
}

extension [ImagePayload] {
    /// The widest image: Spotify lists them widest first, but the order is not promised.
    var largestURL: String? { self.max { ($0.width ?? 0) < ($1.width ?? 0) }?.url }
}
