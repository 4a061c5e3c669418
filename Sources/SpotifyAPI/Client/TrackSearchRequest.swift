import Foundation

/// One track search: `GET /search?q=…&type=track`, for an ISRC or an artist and title.
///
/// ```swift
/// let byISRC = TrackSearchRequest(isrc: "USUM71703861", market: "US")
/// let byText = TrackSearchRequest(query: SpotifySearchQuery.text(for: local), market: "US")
/// ```
package struct TrackSearchRequest: Hashable, Sendable {
    /// The `q` text, in Spotify's field syntax (`isrc:…`, `track:"…" artist:"…"`).
    package var query: String
    package var market: String
    /// Candidates asked for: at most 10 since 2026.
    package var limit: Int

    package init(query: String, market: String, limit: Int = 10) {
        self.query = query
        self.market = market
        self.limit = min(max(1, limit), 10)
    }

    package init(isrc: String, market: String, limit: Int = 10) {
        self.init(query: "isrc:\(isrc)", market: market, limit: limit)
    }

    /// The endpoint's name in the ledger and in logs.
    package var endpoint: String { "GET /search" }

    func url(base: URL) -> URL {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = basePath + "/search"
        components.queryItems = [
            URLQueryItem(name: "q", value: query), URLQueryItem(name: "type", value: "track"),
            URLQueryItem(name: "limit", value: String(limit)), URLQueryItem(name: "market", value: market),
        ]
        // URLComponents leaves '+' alone, and servers read it as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.url!
    }
}
