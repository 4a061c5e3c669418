import Foundation
import Hummingbird
import SwingCache

/// `GET /v1/search`: answers track queries by `isrc:` and by title and artist (`track:"…" artist:"…"`); other types
/// find nothing.
struct SearchEndpoint: Sendable {
    let catalog: FixtureCatalog
    let developmentMode: Bool

    private static let searchableTypes: Set<String> = [
        "album", "artist", "playlist", "track", "show", "episode", "audiobook",
    ]

    /// One paging object per requested type, as Spotify answers, with tracks found by ISRC or by title and artist.
    func answer(_ request: Request) -> FixtureAnswer {
        // Decoded here rather than by Hummingbird, which leaves `+` as it is and so cannot tell it from `%2B`.
        let query = FormFields.parse(request.uri.query ?? "")
        guard let text = query["q"], !text.isEmpty else {
            return .apiError(.badRequest, "No search query")
        }
        guard let typeList = query["type"], !typeList.isEmpty else {
            return .apiError(.badRequest, "Missing parameter type")
        }
        let types = typeList.split(separator: ",").map(String.init)
        if let unknown = types.first(where: { !Self.searchableTypes.contains($0) }) {
            return .apiError(.badRequest, "Bad search type field \(unknown)")
        }
        guard let limit = Self.number(query["limit"], default: 20), (0...50).contains(limit) else {
            return .apiError(.badRequest, "Invalid limit")
        }
        guard let offset = Self.number(query["offset"], default: 0), (0...1000).contains(offset) else {
            return .apiError(.badRequest, "Invalid offset")
        }
        let market = query["market"]
        if let problem = CatalogEndpoint.marketProblem(market?[...]) { return problem }

        var pages: [String: JSONValue] = [:]
        for type in types {
            let found = type == "track" ? tracks(matching: text) : []
            let page = SearchPage(
                query: text, type: type, market: market, limit: limit, offset: offset, matches: found)
            pages[type + "s"] = page.json
        }
        return .json(.object(pages))
    }

    /// The tracks of an `isrc:` query, else the candidates for its title and artist.
    private func tracks(matching text: String) -> [JSONValue] {
        let query = SpotifySearchQuery.parse(text)
        let found = query.isrc.map(catalog.tracks(withISRC:)) ?? catalog.tracks(matching: query)
        return developmentMode ? found.map { $0.removingKeys(CatalogEndpoint.developmentModeHiddenKeys) } : found
    }

    /// A whole-number parameter, `fallback` when absent, nil when present but not a number.
    private static func number(_ text: String?, default fallback: Int) -> Int? {
        guard let text else { return fallback }
        return Int(text)
    }
}
