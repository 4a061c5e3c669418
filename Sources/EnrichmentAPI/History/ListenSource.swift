import SwingCache

/// The service a listen was read from.
package enum ListenSource: String, Hashable, Sendable, Codable, CaseIterable {
    case lastfm
    case listenbrainz

    /// The name people know the service by, for messages: `Last.fm`.
    package var displayName: String {
        switch self {
        case .lastfm: Provider.lastfm.displayName
        case .listenbrainz: Provider.listenbrainz.displayName
        }
    }
}
