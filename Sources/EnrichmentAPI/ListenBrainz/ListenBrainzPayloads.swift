/// One row of the popularity answer.
struct ListenBrainzPopularityPayload: Decodable {
    var recordingMBID: String
    var totalListenCount: Int?
    var totalUserCount: Int?

    enum CodingKeys: String, CodingKey {
        case recordingMBID = "recording_mbid"
        case totalListenCount = "total_listen_count"
        case totalUserCount = "total_user_count"
    }
}

/// ListenBrainz's error shape, `{"code": 400, "error": "…"}`.
struct ListenBrainzErrorPayload: Decodable {
    var error: String
}
