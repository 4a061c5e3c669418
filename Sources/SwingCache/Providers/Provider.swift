import Foundation

/// The services swingcache enriches its cache from, one case each, by the name the request ledger, the service
/// state, logs and configuration use.
///
/// A case is a provider's identity; what the core knows of it is its ``identity``, one line beside the case. What a
/// run does with it — client, throttle, budget, configuration, enrichers, preview — is its `ProviderDeclaration`
/// in its folder of `EnrichmentAPI`.
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

    /// Its names, its `enrich:` key and fields, and how long its answers keep: play counts move daily, genres and
    /// links rarely.
    package var identity: ProviderIdentity {
        switch self {
        case .lastfm: ProviderIdentity("Last.fm", ttl: 7 * 86_400, fields: ["username"])
        case .musicbrainz:
            ProviderIdentity(
                "MusicBrainz", ttl: 30 * 86_400,
                shortestInterval: .init(1, "MusicBrainz allows one request per second"))
        case .listenbrainz: ProviderIdentity("ListenBrainz", ttl: 86_400)
        case .deezer: ProviderIdentity("Deezer", ttl: 30 * 86_400, enrichKey: "links")
        case .odesli: ProviderIdentity("Odesli", ttl: 30 * 86_400, enrichKey: "links", turnedOnBy: "odesli")
        }
    }

    /// The service's name in the ledger, the service state and logs: the raw value, `musicbrainz`.
    package var serviceName: String { rawValue }

    /// The name people know the service by, for messages: `MusicBrainz`.
    package var displayName: String { identity.displayName }

    /// The key of a spec's `enrich:` section that configures the provider, and its name in run reports and plans.
    package var enrichKey: String { identity.enrichKey ?? rawValue }

    /// The keys of a spec's `enrich:` section, in the order providers run.
    package static let enrichKeys = allCases.map(\.enrichKey).reduce(into: [String]()) { keys, key in
        if !keys.contains(key) { keys.append(key) }
    }

    /// The provider an `enrich:` key turns on (`links`: Deezer; Odesli follows `links.odesli`).
    package init?(enrichKey: String) {
        guard
            let provider = Self.allCases.first(where: {
                $0.enrichKey == enrichKey && $0.identity.turnedOnBy == nil
            })
        else { return nil }
        self = provider
    }

    /// How long a provider's answer stays fresh unless the spec says otherwise.
    package var defaultTTL: TimeInterval { identity.defaultTTL }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
