import Foundation
import Outbound

/// One page of `user.getRecentTracks`: a user's scrobbles, newest first, optionally between two times.
///
/// ```swift
/// let request = LastFMRecentTracksRequest(user: "rj", page: 2, from: 1_795_000_001, to: 1_795_600_000)
/// ```
package struct LastFMRecentTracksRequest: Hashable, Sendable {
    /// Last.fm serves at most this many scrobbles a page.
    package static let maxLimit = 200

    package var user: String
    /// 1 for the newest scrobbles.
    package var page: Int
    /// Scrobbles per page, at most ``maxLimit``.
    package var limit: Int
    /// Only scrobbles at or after this Unix time.
    package var from: Int?
    /// Only scrobbles at or before this Unix time.
    package var to: Int?

    /// `limit` is kept within 1...``maxLimit``.
    package init(user: String, page: Int = 1, limit: Int = maxLimit, from: Int? = nil, to: Int? = nil) {
        self.user = user
        self.page = page
        self.limit = min(max(1, limit), Self.maxLimit)
        self.from = from
        self.to = to
    }

    /// The endpoint's name in the ledger and in logs.
    package var endpoint: String { "GET user.getRecentTracks" }

    /// Why the request cannot be sent, or nil when it can: Last.fm answers a missing user with error 6, the same code
    /// as "no such user", so it is caught here instead.
    var problem: String? {
        if user.trimmingCharacters(in: .whitespaces).isEmpty {
            return "'\(user)' is not a Last.fm user name (user.getRecentTracks needs one)"
        }
        if page < 1 { return "page \(page) of a Last.fm user's scrobbles does not exist (pages start at 1)" }
        return nil
    }

    func url(root: URL, apiKey: String) -> URL? {
        var items: [(name: String, value: String)] = [
            ("method", "user.getRecentTracks"), ("user", user.trimmingCharacters(in: .whitespaces)),
            ("limit", String(limit)), ("page", String(page)),
        ]
        if let from { items.append(("from", String(from))) }
        if let to { items.append(("to", String(to))) }
        items += [("api_key", apiKey), ("format", "json")]
        return ProviderURL.make(root: root, path: "/2.0/", percentEncodedQuery: ProviderURL.query(items))
    }
}
