import Foundation
import Outbound

/// One `GET /1/user/{name}/listens`: up to `count` of a user's listens, newest first, older than `maxTimestamp`
/// and newer than `minTimestamp` (both exclusive).
///
/// With `minTimestamp` alone ListenBrainz reads forwards: the answer holds the listens just after it, not the newest
/// ones. To read a history from the newest back, leave `minTimestamp` out and stop at the page that reaches it.
///
/// ```swift
/// var request = ListenBrainzListensRequest(user: "rj")
/// // after each page: request.maxTimestamp = page.listens.last?.timestamp
/// ```
package struct ListenBrainzListensRequest: Hashable, Sendable {
    /// ListenBrainz's `MAX_ITEMS_PER_GET`: it serves no more listens in one answer.
    package static let maxCount = 1000

    package var user: String
    /// Listens per answer, at most ``maxCount``.
    package var count: Int
    /// Only listens before this Unix time.
    package var maxTimestamp: Int?
    /// Only listens after this Unix time.
    package var minTimestamp: Int?

    /// `count` is kept within 1...``maxCount``.
    package init(user: String, count: Int = maxCount, maxTimestamp: Int? = nil, minTimestamp: Int? = nil) {
        self.user = user
        self.count = min(max(1, count), Self.maxCount)
        self.maxTimestamp = maxTimestamp
        self.minTimestamp = minTimestamp
    }

    /// The endpoint's name in the ledger and in logs; the user is left out, so every user's requests count together.
    package var endpoint: String { "GET /1/user/{name}/listens" }

    /// Why the request cannot be sent, or nil when it can.
    var problem: String? {
        if user.trimmingCharacters(in: .whitespaces).isEmpty {
            return "'\(user)' is not a ListenBrainz user name (/1/user/{name}/listens needs one)"
        }
        return nil
    }

    func url(root: URL) -> URL? {
        var items: [(name: String, value: String)] = [("count", String(count))]
        if let maxTimestamp { items.append(("max_ts", String(maxTimestamp))) }
        if let minTimestamp { items.append(("min_ts", String(minTimestamp))) }
        let name = ProviderURL.escaped(user.trimmingCharacters(in: .whitespaces))
        return ProviderURL.make(
            root: root, path: "/1/user/\(name)/listens", percentEncodedQuery: ProviderURL.query(items))
    }
}
