import Foundation

/// Last.fm's error shape, `{"error": 6, "message": "Track not found"}`.
struct LastFMErrorPayload: Decodable {
    var error: Int
    var message: String?
}

/// The `track.getInfo` answer as far as swingcache reads it, tolerant of Last.fm's XML-to-JSON habits: numbers as
/// strings, `""` for absent ids, one tag as an object instead of a list, `toptags` as a bare string when empty.
struct LastFMTrackPayload: Decodable {
    struct Track: Decodable {
        var name: String
        var artist: String
        var mbid: String?
        var url: String?
        var playcount: Int?
        var listeners: Int?
        var userPlaycount: Int?
        var topTags: [String]

        enum CodingKeys: String, CodingKey {
            case name, artist, mbid, url, playcount, listeners, userplaycount, toptags
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            artist = try container.decode(ArtistName.self, forKey: .artist).name
            mbid = try container.decodeIfPresent(String.self, forKey: .mbid)?.nonEmpty
            url = try container.decodeIfPresent(String.self, forKey: .url)?.nonEmpty
            playcount = try container.decodeIfPresent(LenientInt.self, forKey: .playcount)?.value
            listeners = try container.decodeIfPresent(LenientInt.self, forKey: .listeners)?.value
            userPlaycount = try container.decodeIfPresent(LenientInt.self, forKey: .userplaycount)?.value
            let tags = try? container.decodeIfPresent(TopTags.self, forKey: .toptags)
            topTags = tags?.tag?.elements.map(\.name) ?? []
        }
    }

    /// `{"name": "Cher", …}`, `{"#text": "Cher"}` or just `"Cher"`.
    struct ArtistName: Decodable {
        var name: String

        enum CodingKeys: String, CodingKey {
            case name
            case text = "#text"
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                name = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name =
                try container.decodeIfPresent(String.self, forKey: .name)
                ?? container.decode(String.self, forKey: .text)
        }
    }

    struct TopTags: Decodable {
        struct Tag: Decodable {
            var name: String
        }

        var tag: OneOrMany<Tag>?
    }

    var track: Track
}
