/// MusicBrainz's rule for a `User-Agent`: the application names itself and says how to reach its author,
/// `swingcache/1.0 ( someone@example.org )`; a missing or generic one is refused with 403.
enum MusicBrainzUserAgent {
    /// Library and browser names that identify no application, refused even with a parenthesised part.
    static let genericProducts: Set<String> = [
        "apache-httpclient", "axios", "cfnetwork", "curl", "dalvik", "go-http-client", "java", "libwww-perl",
        "mozilla", "node-fetch", "okhttp", "postmanruntime", "python-requests", "python-urllib", "wget",
    ]

    /// True for `name/version ( contact )` with a name that is not a generic client library.
    static func isIdentifying(_ value: String?) -> Bool {
        guard let value else { return false }
        let trimmed = value.trimmingPrefix(while: \.isWhitespace)
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return false }
        let product = trimmed[..<space].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard product.count == 2, !product[0].isEmpty, !product[1].isEmpty,
            !genericProducts.contains(product[0].lowercased())
        else { return false }
        let rest = trimmed[space...]
        guard let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") else { return false }
        return rest[rest.index(after: open)..<close].contains { !$0.isWhitespace }
    }
}
