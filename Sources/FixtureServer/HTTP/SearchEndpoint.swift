import Foundation
import Hummingbird

/// `GET /v1/search`: answers `isrc:` track queries, the only search swingcache makes; other queries find nothing.
struct SearchEndpoint: Sendable {
    let catalog: FixtureCatalog
    let developmentMode: Bool

    private static let searchableTypes: Set<String> = [
        "album", "artist", "playlist", "track", "show", "episode", "audiobook",
    ]

    /// One paging object per requested type, as Spotify answers, with tracks found by ISRC.
    func answer(_ request: Request) -> FixtureAnswer {
        let query = request.uri.queryParameters
        guard let text = query["q"].map({ $0.replacingOccurrences(of: "+", with: " ") }), !text.isEmpty else {
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
        let market = query["market"].map(String.init)
        if let problem = CatalogEndpoint.marketProblem(query["market"]) { return problem }

        var pages: [String: JSONValue] = [:]
        for type in types {
            let found = type == "track" ? tracks(matching: text) : []
            let page = SearchPage(
                query: text, type: type, market: market, limit: limit, offset: offset, matches: found)
            pages[type + "s"] = page.json
        }
        return .json(.object(pages))
    }

    /// The tracks an `isrc:` term of the query names; none for a query without one.
    private func tracks(matching text: String) -> [JSONValue] {
        let terms = text.split(separator: " ")
        guard let term = terms.first(where: { $0.lowercased().hasPrefix("isrc:") }) else { return [] }
        let isrc = term.dropFirst("isrc:".count).uppercased()
        let found = catalog.tracks(withISRC: isrc)
        return developmentMode ? found.map { $0.removingKeys(CatalogEndpoint.developmentModeHiddenKeys) } : found
    }

    /// A whole-number parameter, `fallback` when absent, nil when present but not a number.
    private static func number(_ text: Substring?, default fallback: Int) -> Int? {
        guard let text else { return fallback }
        return Int(text)
    }
}
