/// Deezer's answers as far as swingcache reads them.
struct DeezerTrackPayload: Decodable {
    var id: Int
    var title: String
    var link: String
    var isrc: String?
    var duration: Int?
    var rank: Int?
    var bpm: Double?
    var gain: Double?
}

/// Deezer's error shape, `{"error":{"type":"DataException","message":"no data","code":800}}`.
struct DeezerErrorPayload: Decodable {
    struct Body: Decodable {
        var type: String?
        var message: String?
        var code: Int
    }

    var error: Body
}
