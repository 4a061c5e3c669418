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

    var id: String
    var title: String
    var length: Int?
    var genres: [Tag]?
    var tags: [Tag]?
    var isrcs: [String]?
    var relations: [Relation]?

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
            })
    }
}

/// A recording search's answer: recordings with a score and their artist credit.
struct MusicBrainzSearchPayload: Decodable {
    struct Hit: Decodable {
        struct Credit: Decodable {
            var name: String
        }

        var recording: MusicBrainzRecordingPayload
        var score: Int
        var artistCredit: [Credit]?

        enum CodingKeys: String, CodingKey {
            case score
            case artistCredit = "artist-credit"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            recording = try MusicBrainzRecordingPayload(from: decoder)
            score = try container.decode(Int.self, forKey: .score)
            artistCredit = try container.decodeIfPresent([Credit].self, forKey: .artistCredit)
        }

        var hit: MusicBrainzSearchHit {
            MusicBrainzSearchHit(
                recording: recording.recording, score: score, artists: (artistCredit ?? []).map(\.name))
        }
    }

    var recordings: [Hit]
}

/// MusicBrainz's error shape, `{"error": "Not Found", "help": "…"}`.
struct MusicBrainzErrorPayload: Decodable {
    var error: String
}
