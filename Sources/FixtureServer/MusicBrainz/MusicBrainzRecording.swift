import SwingCache

/// One MusicBrainz recording of an ISRC, with the parts `inc=` asks for: genres, tags, isrcs, url relations, the
/// artist credit and, with it, the artists' aliases.
struct MusicBrainzRecording {
    let source: ISRCRecording
    /// Which recording of the ISRC, from 0.
    let index: Int
    let id: String

    init(source: ISRCRecording, index: Int) {
        self.source = source
        self.index = index
        id = source.recordingMBIDs[index]
    }

    /// The short form an ISRC lookup lists.
    func summaryJSON(includes: Set<String>) -> JSONValue {
        var draws = DeterministicDraws("musicbrainz", "recording", id)
        let disambiguation = index == 0 ? "" : draws.pick(["radio edit", "album version", "live", "single version"])
        let offset = index == 0 ? draws.int(in: -900...900) : draws.int(in: -20_000...20_000)
        var members: [String: JSONValue] = [
            "disambiguation": .string(disambiguation),
            "first-release-date": .string(source.releaseDate),
            "id": .string(id),
            "length": .int(max(1_000, source.durationMilliseconds + offset)),
            "title": .string(source.title),
            "video": false,
        ]
        if !includes.isDisjoint(with: ["artists", "artist-credits"]) {
            members["artist-credit"] = Self.artistCreditJSON(source.artistName, aliases: includes.contains("aliases"))
        }
        if includes.contains("aliases") {
            members["aliases"] = []
        }
        if includes.contains("isrcs") {
            members["isrcs"] = [.string(source.isrc)]
        }
        return .object(members)
    }

    /// The full form `/recording/{mbid}` answers with.
    func lookupJSON(includes: Set<String>) -> JSONValue {
        var members: [String: JSONValue] = [:]
        if case .object(let summary) = summaryJSON(includes: includes) { members = summary }
        var draws = DeterministicDraws("musicbrainz", "genres", id)
        let genreNames = Self.genreNames(&draws)
        if includes.contains("genres") {
            members["genres"] = .array(
                genreNames.map { name in
                    var genreDraws = DeterministicDraws("musicbrainz", "genre", name)
                    return [
                        "count": .int(draws.int(in: 1...12)), "disambiguation": "", "id": .string(genreDraws.uuid()),
                        "name": .string(name),
                    ]
                })
        }
        if includes.contains("tags") {
            let extra = Self.distinct(draws.int(in: 0...2), from: Self.extraTags, &draws)
            members["tags"] = .array(
                (genreNames + extra).map { ["count": .int(draws.int(in: 0...9)), "name": .string($0)] })
        }
        if includes.contains("url-rels") {
            members["relations"] = .array(urlRelations(&draws))
        }
        return .object(members)
    }

    /// The `artist-credit` of a recording by one artist, whose id is drawn from the name; with `aliases` (a look-up's
    /// `inc=artist-credits+aliases`) the artist carries them too (``MusicBrainzArtistAliases``).
    static func artistCreditJSON(_ name: String, aliases: Bool = false) -> JSONValue {
        var draws = DeterministicDraws("musicbrainz", "artist", MatchKey.of(name))
        var artist: [String: JSONValue] = [
            "disambiguation": "", "id": .string(draws.uuid()), "name": .string(name), "sort-name": .string(name),
        ]
        if aliases { artist["aliases"] = .array(MusicBrainzArtistAliases.json(for: name)) }
        return [["artist": .object(artist), "joinphrase": "", "name": .string(name)]]
    }

    /// Streaming and purchase links; the first recording of an ISRC usually has several, a second one rarely any.
    private func urlRelations(_ draws: inout DeterministicDraws) -> [JSONValue] {
        let likelihood = index == 0 ? 1.0 : 0.3
        var relations: [JSONValue] = []
        if draws.chance(0.8 * likelihood) {
            relations.append(
                Self.relation("free streaming", "https://open.spotify.com/track/\(source.spotifyTrackID)", &draws))
        }
        if draws.chance(0.7 * likelihood) {
            relations.append(
                Self.relation("free streaming", "https://www.deezer.com/track/\(source.deezerTrackID)", &draws))
        }
        if draws.chance(0.5 * likelihood) {
            relations.append(
                Self.relation("streaming", "https://music.apple.com/us/song/\(source.appleMusicTrackID)", &draws))
        }
        if draws.chance(0.3 * likelihood) {
            let url = "https://itunes.apple.com/us/album/id\(source.appleMusicAlbumID)?i=\(source.appleMusicTrackID)"
            relations.append(Self.relation("purchase for download", url, &draws))
        }
        return relations
    }

    private static func relation(_ type: String, _ resource: String, _ draws: inout DeterministicDraws) -> JSONValue {
        [
            "attribute-ids": [:], "attribute-values": [:], "attributes": [], "begin": .null, "direction": "forward",
            "end": .null, "ended": false, "source-credit": "", "target-credit": "", "target-type": "url",
            "type": .string(type), "type-id": .string(relationTypeIDs[type] ?? ""),
            "url": ["id": .string(draws.uuid()), "resource": .string(resource)],
        ]
    }

    private static let relationTypeIDs = [
        "free streaming": "7e41ef12-a124-4324-afdb-fdbae687a89c",
        "streaming": "b5f3058a-666c-406f-aafb-f9249fc7b122",
        "purchase for download": "92777657-504c-4acb-bd33-51a201bd57e1",
    ]

    /// The recording's genres, none for about one recording in four: the first draws of its `"genres"` seed.
    static func genreNames(_ draws: inout DeterministicDraws) -> [String] {
        draws.chance(0.25) ? [] : distinct(draws.int(in: 1...3), from: CatalogWords.genres, &draws)
    }

    /// Tags that are not genres, which editors add beside them.
    static let extraTags = ["english", "2010s", "seen live", "favourites", "catchy", "melancholic"]

    static func distinct(_ count: Int, from choices: [String], _ draws: inout DeterministicDraws) -> [String] {
        var picked: [String] = []
        while picked.count < min(count, choices.count) {
            let choice = draws.pick(choices)
            if !picked.contains(choice) { picked.append(choice) }
        }
        return picked
    }
}
