import Foundation
import Outbound

/// One `GET /v1-alpha.1/links?url=…`: the same song's links on other platforms.
package struct OdesliLinksRequest: Hashable, Sendable {
    /// A song's link on any platform Odesli knows, e.g. `https://open.spotify.com/track/…`.
    package var url: String
    /// The country whose catalogues the links are for; nil lets Odesli choose (US).
    package var userCountry: String?

    package init(url: String, userCountry: String? = nil) {
        self.url = url
        self.userCountry = userCountry
    }

    /// The endpoint's name in the ledger and in logs.
    package var endpoint: String { "GET /v1-alpha.1/links" }

    var problem: String? {
        url.trimmingCharacters(in: .whitespaces).isEmpty ? "'\(url)' is not a link (Odesli needs a song's link)" : nil
    }

    func url(root: URL, key: String) -> URL? {
        var items: [(name: String, value: String)] = [("url", url.trimmingCharacters(in: .whitespaces))]
        if let userCountry, !userCountry.isEmpty { items.append(("userCountry", userCountry)) }
        items.append(("key", key))
        return ProviderURL.make(root: root, path: "/v1-alpha.1/links", percentEncodedQuery: ProviderURL.query(items))
    }
}
