import Foundation
import SwingCache

/// One paging object of a search answer, with the `href`, `next` and `previous` links Spotify writes.
struct SearchPage {
    let query: String
    let type: String
    let market: String?
    let limit: Int
    let offset: Int
    let matches: [JSONValue]

    var json: JSONValue {
        let items = matches.dropFirst(offset).prefix(limit)
        let hasNext = offset + limit < matches.count
        let hasPrevious = offset > 0
        return [
            "href": .string(link(offset: offset)),
            "items": .array(Array(items)),
            "limit": .int(limit),
            "next": hasNext ? .string(link(offset: offset + limit)) : .null,
            "offset": .int(offset),
            "previous": hasPrevious ? .string(link(offset: max(0, offset - limit))) : .null,
            "total": .int(matches.count),
        ]
    }

    private func link(offset: Int) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
        let marketPart = market.map { "&market=\($0)" } ?? ""
        return
            "https://api.spotify.com/v1/search?query=\(encoded)&type=\(type)\(marketPart)&offset=\(offset)&limit=\(limit)"
    }
}
