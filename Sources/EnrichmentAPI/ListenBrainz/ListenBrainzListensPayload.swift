/// The answer of `GET /1/user/{name}/listens` as far as swingcache reads it.
struct ListenBrainzListensPayload: Decodable {
    struct Payload: Decodable {
        var listens: [ListenPayload]
    }

    struct ListenPayload: Decodable {
        var listenedAt: Int
        var trackMetadata: TrackMetadata

        enum CodingKeys: String, CodingKey {
            case listenedAt = "listened_at"
            case trackMetadata = "track_metadata"
        }
    }

    struct TrackMetadata: Decodable {
        var artistName: String
        var trackName: String
        var releaseName: String?
        var additionalInfo: RecordingReference?
        var mbidMapping: RecordingReference?

        enum CodingKeys: String, CodingKey {
            case artistName = "artist_name"
            case trackName = "track_name"
            case releaseName = "release_name"
            case additionalInfo = "additional_info"
            case mbidMapping = "mbid_mapping"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            artistName = try container.decode(String.self, forKey: .artistName)
            trackName = try container.decode(String.self, forKey: .trackName)
            releaseName = try? container.decodeIfPresent(String.self, forKey: .releaseName)
            // Both hold whatever the submitting player wrote: an odd value there must not lose the listen.
            additionalInfo = try? container.decodeIfPresent(RecordingReference.self, forKey: .additionalInfo)
            mbidMapping = try? container.decodeIfPresent(RecordingReference.self, forKey: .mbidMapping)
        }

        /// The mapping ListenBrainz made itself wins over what the player sent.
        var recordingMBID: String? {
            mbidMapping?.recordingMBID?.nonEmpty ?? additionalInfo?.recordingMBID?.nonEmpty
        }
    }

    /// `{"recording_mbid": "…", …}`, the rest unread.
    struct RecordingReference: Decodable {
        var recordingMBID: String?

        enum CodingKeys: String, CodingKey {
            case recordingMBID = "recording_mbid"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            recordingMBID = try? container.decodeIfPresent(String.self, forKey: .recordingMBID)
        }
    }

    var payload: Payload
}
