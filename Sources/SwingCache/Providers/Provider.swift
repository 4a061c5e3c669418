import Foundation

/// The services swingcache enriches its cache from, one case each, by the name the request ledger, the service
/// state, logs and configuration use.
///
/// A job spec turns them on under `enrich:` by ``enrichKey``: `links` turns on Deezer, and Odesli too with
/// `links.odesli: true`. Run reports and plans count a provider under that key.
///
/// ```swift
/// try store.recordRequest(LedgerEntry(service: Provider.musicbrainz.serviceName, …))
/// ```
package enum Provider: String, CaseIterable, Hashable, Sendable, Comparable {
    case lastfm
    case musicbrainz
    case listenbrainz
    case deezer
    case odesli

    /// The service's name in the ledger, the service state and logs: the raw value, `musicbrainz`.
    package var serviceName: String { rawValue }

    /// The name people know the service by, for messages: `MusicBrainz`.
    package var displayName: String {
        switch self {
        case .lastfm: "Last.fm"
        case .musicbrainz: "MusicBrainz"
        case .listenbrainz: "ListenBrainz"
        case .deezer: "Deezer"
        case .odesli: "Odesli"
        }
    }

    /// The key of a spec's `enrich:` section that configures the provider, and its name in run reports and plans.
    package var enrichKey: String {
        switch self {
        case .deezer, .odesli: "links"
        case .lastfm, .musicbrainz, .listenbrainz: rawValue
        }
    }

    /// The keys of a spec's `enrich:` section, in the order providers run.
    package static let enrichKeys = allCases.map(\.enrichKey).reduce(into: [String]()) { keys, key in
        if !keys.contains(key) { keys.append(key) }
    }

    /// The provider an `enrich:` key turns on (`links`: Deezer; Odesli follows `links.odesli`).
    package init?(enrichKey: String) {
        guard let provider = Self.allCases.first(where: { $0.enrichKey == enrichKey }) else { return nil }
        self = provider
    }

    /// How long a provider's answer stays fresh unless the spec says otherwise: play counts move daily,
    /// genres and links rarely.
    package var defaultTTL: TimeInterval {
        switch self {
        case .lastfm: 7 * 86_400
        case .musicbrainz: 30 * 86_400
        case .listenbrainz: 86_400
        case .deezer, .odesli: 30 * 86_400
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
