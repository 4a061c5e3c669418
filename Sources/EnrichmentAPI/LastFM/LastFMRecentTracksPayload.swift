/// The `user.getRecentTracks` answer as far as swingcache reads it, tolerant of Last.fm's XML-to-JSON habits:
/// numbers as strings, `""` for absent ids, one track as an object instead of a list, `[]` for none.
struct LastFMRecentTracksPayload: Decodable {
    struct RecentTracks: Decodable {
        var track: OneOrMany<Track>?
        var attr: Attributes

        enum CodingKeys: String, CodingKey {
            case track
            case attr = "@attr"
        }
    }

    /// `{"page":"1","perPage":"200","totalPages":"3","total":"512","user":"rj"}`.
    struct Attributes: Decodable {
        var page: LenientInt
        var totalPages: LenientInt
        var total: LenientInt?
    }

    struct Track: Decodable {
        var name: String
        var artist: Text
        var album: Text?
        var mbid: String?
        var date: Date?
        var attr: TrackAttributes?

        enum CodingKeys: String, CodingKey {
            case name, artist, album, mbid, date
            case attr = "@attr"
        }

        /// Whether this is the track playing now, which has no `date` and is no scrobble yet.
        var isNowPlaying: Bool { attr?.nowplaying?.lowercased() == "true" }
    }

    /// `{"uts":"1795600000","#text":"24 Nov 2026, 12:26"}`.
    struct Date: Decodable {
        var uts: LenientInt
    }

    struct TrackAttributes: Decodable {
        var nowplaying: String?
    }

    /// `{"mbid":"…","#text":"Queen"}`, `{"name":"Queen"}` or just `"Queen"`.
    struct Text: Decodable {
        var value: String

        enum CodingKeys: String, CodingKey {
            case name
            case text = "#text"
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                value = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value =
                try container.decodeIfPresent(String.self, forKey: .text)
                ?? container.decode(String.self, forKey: .name)
        }
    }

    var recenttracks: RecentTracks
}
