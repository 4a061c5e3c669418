import SwingCache

/// MusicBrainz's answers as far as swingcache reads them.
struct MusicBrainzISRCPayload: Decodable {
    var recordings: [MusicBrainzRecordingPayload]
}

struct MusicBrainzRecordingPayload: Decodable {
    struct Tag: Decodable {
        var name: String
        var count: Int?
    }

    struct Relation: Decodable {
        struct Target: Decodable {
            var resource: String
        }

        var type: String
        var targetType: String?
        var url: Target?

        enum CodingKeys: String, CodingKey {
            case type, url
            case targetType = "target-type"
        }
    }

    /// One name of an artist credit: as credited, and the artist with its sort name and (`inc=aliases`) aliases.
    struct Credit: Decodable {
        struct Artist: Decodable {
            struct Alias: Decodable {
                var name: String
                var sortName: String?

                enum CodingKeys: String, CodingKey {
                    case name
                    case sortName = "sort-name"
                }
            }

            var name: String
            var sortName: String?
            var aliases: [Alias]?

            enum CodingKeys: String, CodingKey {
                case name, aliases
                case sortName = "sort-name"
            }
        }

        var name: String
        var artist: Artist?
    }

    var id: String
    var title: String
    var length: Int?
    var genres: [Tag]?
    var tags: [Tag]?
    var isrcs: [String]?
    var relations: [Relation]?
    var artistCredit: [Credit]?

    enum CodingKeys: String, CodingKey {
        case id, title, length, genres, tags, isrcs, relations
        case artistCredit = "artist-credit"
    }

    /// The credited artists as MusicBrainz knows them; a name credited otherwise than the artist's own ("Hall &
    /// Oates") is one of its aliases.
    var knownArtists: [KnownArtist] {
        (artistCredit ?? []).compactMap { credit in
            guard let artist = credit.artist else { return nil }
            var aliases: [String] = []
            for name in [credit.name] + (artist.aliases ?? []).flatMap({ [$0.name] + ($0.sortName.map { [$0] } ?? []) })
            where name != artist.name && name != artist.sortName && !aliases.contains(name) {
                aliases.append(name)
            }
            return KnownArtist(name: artist.name, sortName: artist.sortName, aliases: aliases)
        }
    }

    var recording: MusicBrainzRecording {
        MusicBrainzRecording(
            mbid: id, title: title, lengthMs: length,
            genres: (genres ?? []).map { MusicBrainzTag(name: $0.name, count: $0.count ?? 0) },
            tags: (tags ?? []).map { MusicBrainzTag(name: $0.name, count: $0.count ?? 0) }, isrcs: isrcs ?? [],
            links: (relations ?? []).compactMap { relation in
                guard relation.targetType == nil || relation.targetType == "url", let url = relation.url else {
                    return nil
                }
                return MusicBrainzLink(type: relation.type, url: url.resource)
            }, artists: knownArtists)
    }
}

/// A recording search's answer: recordings with a score and their artist credit.
struct MusicBrainzSearchPayload: Decodable {
    struct Hit: Decodable {
        var recording: MusicBrainzRecordingPayload
        var score: Int

        enum CodingKeys: String, CodingKey {
            case score
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            recording = try MusicBrainzRecordingPayload(from: decoder)
            score = try container.decode(Int.self, forKey: .score)
        }

        var hit: MusicBrainzSearchHit {
            MusicBrainzSearchHit(
                recording: recording.recording, score: score, artists: (recording.artistCredit ?? []).map(\.name))
        }
    }

    var recordings: [Hit]
}

/// MusicBrainz's error shape, `{"error": "Not Found", "help": "…"}`.
struct MusicBrainzErrorPayload: Decodable {
    var error: String
}
