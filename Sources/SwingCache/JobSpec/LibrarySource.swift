import Foundation

/// A SwingMusic library a job enriches: its tracks are matched to Spotify and looked up by the providers.
public struct LibrarySource: Sendable, Equatable {
    /// The SwingMusic database, resolved beside the spec; nil for SwingMusic's own lookup order.
    public var swingMusicDatabase: String?
    /// Whose local plays count; nil for every user's.
    public var user: String?
    /// Where the spec said `library:`, for messages.
    public var origin: SourceLocation

    public init(swingMusicDatabase: String? = nil, user: String? = nil, origin: SourceLocation) {
        self.swingMusicDatabase = swingMusicDatabase
        self.user = user
        self.origin = origin
    }
}

/// Which providers enrich a job's library tracks, each with its own ttl.
///
/// ```yaml
/// enrich:
///   lastfm: { ttl: 7d, username: alice }
///   musicbrainz: { ttl: 30d }
///   listenbrainz:                # the default ttl
///   links: { ttl: 30d, odesli: false }
/// ```
public struct EnrichmentSettings: Sendable, Equatable {
    public enum Provider: String, CaseIterable, Sendable, Comparable {
        case lastfm
        case musicbrainz
        case listenbrainz
        case links

        /// How long a provider's answer stays fresh unless the spec says otherwise: play counts move daily,
        /// genres and links rarely.
        public var defaultTTL: TimeInterval {
            switch self {
            case .lastfm: 7 * 86_400
            case .musicbrainz: 30 * 86_400
            case .listenbrainz: 86_400
            case .links: 30 * 86_400
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The providers the spec turned on, and each one's ttl.
    public var ttls: [Provider: TimeInterval]
    /// The Last.fm user whose play count tells which local plays Last.fm already counts.
    public var lastfmUsername: String?
    /// Ask Odesli for links too (needs a key in the configuration).
    public var odesli: Bool

    public init(ttls: [Provider: TimeInterval] = [:], lastfmUsername: String? = nil, odesli: Bool = false) {
        self.ttls = ttls
        self.lastfmUsername = lastfmUsername
        self.odesli = odesli
    }

    public func isEnabled(_ provider: Provider) -> Bool { ttls[provider] != nil }
}
