import SwingCache

/// Odesli's answers as far as swingcache reads them: only the link of each platform.
struct OdesliLinksPayload: Decodable {
    struct PlatformLink: Decodable {
        var url: String
    }

    var linksByPlatform: [String: PlatformLink]
}

/// Odesli's error shape, `{"statusCode": 400, "code": "could_not_fetch_entity_data"}`.
struct OdesliErrorPayload: Decodable {
    var code: String
}
