import Foundation
import SwingCache

/// What the fake Last.fm knows of one track, drawn from its artist and title (case and spacing do not matter).
struct LastFMTrack {
    let artist: String
    let title: String
    let mbid: String?
    let artistMBID: String?
    let durationMilliseconds: Int
    let listeners: Int
    let playcount: Int
    let album: Album?
    let tags: [String]

    struct Album {
        let title: String
        let mbid: String?
        let position: Int
        let imageHash: String
    }

    /// The track; `mbid`, when given, is the one it was looked up by and is always answered.
    init(artist: String, title: String, mbid: String? = nil) {
        var draws = DeterministicDraws("lastfm", MatchKey.of(artist), MatchKey.of(title))
        self.artist = artist
        self.title = title
        listeners = draws.int(in: 1_000...2_000_000)
        playcount = listeners * draws.int(in: 2...15)
        let drawnMBID = draws.uuid()
        self.mbid = mbid ?? (draws.chance(0.75) ? drawnMBID : nil)
        var artistDraws = DeterministicDraws("lastfm", "artist", MatchKey.of(artist))
        let drawnArtistMBID = artistDraws.uuid()
        artistMBID = artistDraws.chance(0.8) ? drawnArtistMBID : nil
        durationMilliseconds = draws.chance(0.1) ? 0 : FixtureCatalog.searchDurationMs(artist: artist, title: title)
        if draws.chance(0.85) {
            let albumTitle = CatalogWords.albumName(&draws)
            let albumMBID = draws.uuid()
            album = Album(
                title: albumTitle, mbid: draws.chance(0.6) ? albumMBID : nil, position: draws.int(in: 1...12),
                imageHash: draws.text(count: 32, from: "0123456789abcdef"))
        } else {
            album = nil
        }
        let tagCount = draws.pick([0, 1, 1, 2, 3, 3, 4, 5, 5, 5])
        var tags: [String] = []
        while tags.count < tagCount {
            let tag = draws.pick(Self.tagNames)
            if !tags.contains(tag) { tags.append(tag) }
        }
        self.tags = tags
    }

    /// How often `username` played this track: 0 for about three users in ten, never more than `playcount`.
    func userPlaycount(username: String) -> Int {
        var draws = DeterministicDraws("lastfm", "user", MatchKey.of(username), MatchKey.of(artist), MatchKey.of(title))
        return draws.chance(0.3) ? 0 : draws.int(in: 1...min(playcount, 400))
    }

    /// The `track.getInfo` answer, with `userplaycount` and `userloved` when a username was given.
    func json(username: String?) -> JSONValue {
        var members = [JSONMember("name", .string(title))]
        if let mbid { members.append(JSONMember("mbid", .string(mbid))) }
        members += [
            JSONMember("url", .string("https://www.last.fm/music/\(Self.urlPart(artist))/_/\(Self.urlPart(title))")),
            JSONMember("duration", .string(String(durationMilliseconds))),
            JSONMember("streamable", .orderedObject([JSONMember("#text", "0"), JSONMember("fulltrack", "0")])),
            JSONMember("listeners", .string(String(listeners))),
            JSONMember("playcount", .string(String(playcount))),
            JSONMember("artist", artistJSON),
        ]
        if let album { members.append(JSONMember("album", albumJSON(album))) }
        if let username {
            var draws = DeterministicDraws(
                "lastfm", "loved", MatchKey.of(username), MatchKey.of(artist), MatchKey.of(title))
            members.append(JSONMember("userplaycount", .string(String(userPlaycount(username: username)))))
            members.append(JSONMember("userloved", .string(draws.chance(0.15) ? "1" : "0")))
        }
        members.append(JSONMember("toptags", .orderedObject([JSONMember("tag", tagsJSON)])))
        return .orderedObject([JSONMember("track", .orderedObject(members))])
    }

    /// One tag is an object rather than a one-element array, as Last.fm's XML-to-JSON conversion writes it.
    private var tagsJSON: JSONValue {
        let objects = tags.map { tag in
            JSONValue.orderedObject([
                JSONMember("name", .string(tag)),
                JSONMember("url", .string("https://www.last.fm/tag/\(Self.urlPart(tag))")),
            ])
        }
        return objects.count == 1 ? objects[0] : .array(objects)
    }

    private var artistJSON: JSONValue {
        var members = [JSONMember("name", .string(artist))]
        if let artistMBID { members.append(JSONMember("mbid", .string(artistMBID))) }
        members.append(JSONMember("url", .string("https://www.last.fm/music/\(Self.urlPart(artist))")))
        return .orderedObject(members)
    }

    private func albumJSON(_ album: Album) -> JSONValue {
        var members = [JSONMember("artist", .string(artist)), JSONMember("title", .string(album.title))]
        if let mbid = album.mbid { members.append(JSONMember("mbid", .string(mbid))) }
        members.append(
            JSONMember("url", .string("https://www.last.fm/music/\(Self.urlPart(artist))/\(Self.urlPart(album.title))"))
        )
        let sizes: [(String, String)] = [
            ("small", "34s"), ("medium", "64s"), ("large", "174s"), ("extralarge", "300x300"),
        ]
        let images = sizes.map { size, path in
            JSONValue.orderedObject([
                JSONMember("#text", .string("https://lastfm.freetls.fastly.net/i/u/\(path)/\(album.imageHash).png")),
                JSONMember("size", .string(size)),
            ])
        }
        members.append(JSONMember("image", .array(images)))
        members.append(JSONMember("@attr", .orderedObject([JSONMember("position", .string(String(album.position)))])))
        return .orderedObject(members)
    }

    /// A name as Last.fm writes it in a URL: `+` for spaces, percent escapes for the rest.
    static func urlPart(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~ ")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(
            of: " ", with: "+")
    }

    private static let tagNames = [
        "rock", "pop", "indie", "electronic", "alternative", "seen live", "female vocalists", "male vocalists",
        "80s", "90s", "00s", "dance", "soul", "folk", "jazz", "chillout", "singer-songwriter", "favorites",
    ]
}
