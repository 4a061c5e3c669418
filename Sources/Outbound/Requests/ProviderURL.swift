import Foundation

/// Builds provider URLs below a configurable root, so the same client reaches the real service or the fixture server.
package enum ProviderURL {
    /// `root` with `path` appended to its own path and the already encoded `query`; nil if that makes no URL.
    package static func make(root: URL, path: String, percentEncodedQuery: String?) -> URL? {
        guard var components = URLComponents(url: root, resolvingAgainstBaseURL: false) else { return nil }
        let rootPath =
            components.percentEncodedPath.hasSuffix("/")
            ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = rootPath + path
        components.percentEncodedQuery = percentEncodedQuery
        return components.url
    }

    /// `name=value&…`, escaping everything but RFC 3986's unreserved characters, so `+`, `&` and `=` in an artist's
    /// name reach the service as written (URLComponents leaves `+`, which servers read as a space).
    package static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { "\(escaped($0.name))=\(escaped($0.value))" }.joined(separator: "&")
    }

    /// `text` escaped for a path segment or a query value.
    package static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
