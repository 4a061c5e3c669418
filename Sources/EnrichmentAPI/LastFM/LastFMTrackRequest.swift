import Foundation
import Outbound

/// One `track.getInfo` look-up: by artist and title, or by MusicBrainz recording id; with a username, the answer
/// also says how often that user played the track.
package struct LastFMTrackRequest: Hashable, Sendable {
    package enum Lookup: Hashable, Sendable {
        case name(artist: String, track: String)
        case mbid(String)
    }

    package var lookup: Lookup
    package var username: String?

    package init(lookup: Lookup, username: String? = nil) {
        self.lookup = lookup
        self.username = username
    }

    /// The endpoint's name in the ledger and in logs.
    package var endpoint: String { "GET track.getInfo" }

    /// Why the request cannot be sent, or nil when it can: Last.fm answers a missing parameter with error 6, the same
    /// code as "not found", so it is caught here instead.
    var problem: String? {
        switch lookup {
        case .name(let artist, let track):
            if artist.trimmingCharacters(in: .whitespaces).isEmpty {
                return "'\(artist)' is not an artist name (Last.fm track.getInfo needs an artist and a track)"
            }
            if track.trimmingCharacters(in: .whitespaces).isEmpty {
                return "'\(track)' is not a track title (Last.fm track.getInfo needs an artist and a track)"
            }
        case .mbid(let mbid):
            if mbid.trimmingCharacters(in: .whitespaces).isEmpty {
                return "'\(mbid)' is not a MusicBrainz recording id (Last.fm track.getInfo by mbid needs one)"
            }
        }
        return nil
    }

    func url(root: URL, apiKey: String) -> URL? {
        var items: [(name: String, value: String)] = [("method", "track.getInfo")]
        switch lookup {
        case .name(let artist, let track):
            items += [
                ("artist", artist.trimmingCharacters(in: .whitespaces)),
                ("track", track.trimmingCharacters(in: .whitespaces)), ("autocorrect", "1"),
            ]
        case .mbid(let mbid):
            items.append(("mbid", mbid.trimmingCharacters(in: .whitespaces).lowercased()))
        }
        if let username = username?.trimmingCharacters(in: .whitespaces), !username.isEmpty {
            items.append(("username", username))
        }
        items += [("api_key", apiKey), ("format", "json")]
        return ProviderURL.make(root: root, path: "/2.0/", percentEncodedQuery: ProviderURL.query(items))
    }
}
