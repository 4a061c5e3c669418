import Foundation
import Outbound

/// One MusicBrainz request: the recordings of an ISRC, one recording with its genres, tags, ISRCs, links and artists
/// (with their aliases), or a recording search.
package enum MusicBrainzRequest: Hashable, Sendable {
    /// `GET /ws/2/isrc/{ISRC}?fmt=json`: that resource refuses `inc=genres`, so genres take a second request.
    case recordings(isrc: String)
    /// `GET /ws/2/recording/{mbid}?inc=genres+tags+isrcs+url-rels+artist-credits+aliases&fmt=json`: with
    /// `artist-credits`, `aliases` gives the credited artists' aliases and sort names too.
    case recording(mbid: String)
    /// `GET /ws/2/recording?query=…&limit=10&fmt=json`: a search in Lucene syntax (``MusicBrainzRecordingQuery``);
    /// its recordings carry a score, ISRCs and tags, but no genres and no relations, and it takes no `inc=`.
    case search(query: String)

    /// The endpoint's name in the ledger and in logs, without ids.
    package var endpoint: String {
        switch self {
        case .recordings: "GET /ws/2/isrc/{isrc}"
        case .recording: "GET /ws/2/recording/{mbid}"
        case .search: "GET /ws/2/recording?query"
        }
    }

    /// The id as sent: ISRCs upper-cased, mbids lower-cased, spaces trimmed.
    var normalizedID: String {
        switch self {
        case .recordings(let isrc): isrc.trimmingCharacters(in: .whitespaces).uppercased()
        case .recording(let mbid): mbid.trimmingCharacters(in: .whitespaces).lowercased()
        case .search(let query): query.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Why the request cannot be sent, or nil; anything else odd about an id is for MusicBrainz to answer with 400.
    var problem: String? {
        guard normalizedID.isEmpty else { return nil }
        switch self {
        case .recordings(let isrc): return "'\(isrc)' is not an ISRC (MusicBrainz's ISRC look-up needs one)"
        case .recording(let mbid): return "'\(mbid)' is not a MusicBrainz recording id"
        case .search: return "a MusicBrainz search needs a title and an artist"
        }
    }

    func url(root: URL) -> URL? {
        switch self {
        case .recordings:
            ProviderURL.make(
                root: root, path: "/ws/2/isrc/" + ProviderURL.escaped(normalizedID), percentEncodedQuery: "fmt=json")
        case .recording:
            // `+` is MusicBrainz's separator of `inc` words, so it goes unescaped.
            ProviderURL.make(
                root: root, path: "/ws/2/recording/" + ProviderURL.escaped(normalizedID),
                percentEncodedQuery: "inc=genres+tags+isrcs+url-rels+artist-credits+aliases&fmt=json")
        case .search:
            ProviderURL.make(
                root: root, path: "/ws/2/recording",
                percentEncodedQuery: ProviderURL.query([("query", normalizedID), ("limit", "10"), ("fmt", "json")]))
        }
    }
}
