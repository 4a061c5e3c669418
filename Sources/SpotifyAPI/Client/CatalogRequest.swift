import Foundation
import SwingCache

/// One request for catalog entities: several ids through a batch endpoint, or one id through its own.
package struct CatalogRequest: Hashable, Sendable {
    package var kind: EntityKind
    package var ids: [SpotifyID]
    package var market: String
    /// Whether to use the batch endpoint (`/tracks?ids=…`) even for one id: how a kind's mode is probed.
    package var usesBatchEndpoint: Bool

    package init(kind: EntityKind, ids: [SpotifyID], market: String, usesBatchEndpoint: Bool) {
        precondition(usesBatchEndpoint || ids.count == 1, "a single-item request carries one id")
        self.kind = kind
        self.ids = ids
        self.market = market
        self.usesBatchEndpoint = usesBatchEndpoint
    }

    /// The endpoint's name in the ledger and in logs, without ids: `GET /tracks` or `GET /tracks/{id}`.
    package var endpoint: String { usesBatchEndpoint ? "GET /\(kind.plural)" : "GET /\(kind.plural)/{id}" }

    func url(base: URL) -> URL {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        if usesBatchEndpoint {
            components.path = basePath + "/" + kind.plural
            components.queryItems = [
                URLQueryItem(name: "ids", value: ids.map(\.value).joined(separator: ",")),
                URLQueryItem(name: "market", value: market),
            ]
        } else {
            components.path = basePath + "/" + kind.plural + "/" + ids[0].value
            components.queryItems = [URLQueryItem(name: "market", value: market)]
        }
        return components.url!
    }
}
