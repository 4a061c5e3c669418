import EnrichmentAPI
import Foundation
import Outbound
import SwingCache

/// How to reach the enrichment providers: keys, the contact for the User-Agent, and base URLs.
///
/// A provider whose key (or, for MusicBrainz, contact) is missing is not configured: a run skips it with one log
/// line. The credentials print as `redacted`.
///
/// ```sh
/// LASTFM_API_KEY=...
/// SWINGCACHE_CONTACT=me@example.org
/// SWINGCACHE_LASTFM_URL=http://127.0.0.1:8080/lastfm
/// ```
package struct ProviderConfiguration: Sendable {
    /// The configuration keys this type reads: the credentials, then each provider's base URL.
    package static let keys =
        ["LASTFM_API_KEY", "LISTENBRAINZ_TOKEN", "ODESLI_API_KEY", "SWINGCACHE_CONTACT"]
        + ProviderDeclaration.registered.map(\.rootKey)

    package var lastfmKey: ProviderCredential?
    package var listenbrainzToken: ProviderCredential?
    package var odesliKey: ProviderCredential?
    /// The User-Agent with the user's contact; nil when `SWINGCACHE_CONTACT` is not set, which leaves MusicBrainz off.
    package var contactUserAgent: ProviderUserAgent?
    /// Base URLs that replace a provider's own (the fixture server in tests, the smoke job and the demo).
    package var roots: [Provider: URL]

    package init(
        lastfmKey: ProviderCredential? = nil, listenbrainzToken: ProviderCredential? = nil,
        odesliKey: ProviderCredential? = nil, contactUserAgent: ProviderUserAgent? = nil,
        roots: [Provider: URL] = [:]
    ) {
        self.lastfmKey = lastfmKey
        self.listenbrainzToken = listenbrainzToken
        self.odesliKey = odesliKey
        self.contactUserAgent = contactUserAgent
        self.roots = roots
    }

    /// The User-Agent sent to every provider: the user's contact when set, else the project's.
    package var userAgent: ProviderUserAgent { contactUserAgent ?? .standard }

    /// Why a run skips `provider`, or nil when it is configured.
    package func unconfiguredReason(_ provider: Provider) -> String? {
        let configured =
            switch provider {
            case .lastfm: lastfmKey != nil
            case .musicbrainz: contactUserAgent != nil
            case .odesli: odesliKey != nil
            case .listenbrainz, .deezer: true
            }
        return configured ? nil : Self.missingSetting(for: provider)
    }

    /// Why a run skips `provider` when it has no client: what its configuration lacks, as it declares.
    static func missingSetting(for provider: Provider) -> String {
        ProviderDeclaration.of(provider).missingSetting
    }

    /// Reads the keys above from `values` (already merged from the file and the environment).
    static func read(_ values: [String: String]) throws(ConfigurationError) -> Self {
        var configuration = ProviderConfiguration()
        do {
            configuration.lastfmKey = try values["LASTFM_API_KEY"].map { try ProviderCredential($0, for: .lastfm) }
            configuration.listenbrainzToken = try values["LISTENBRAINZ_TOKEN"].map {
                try ProviderCredential($0, for: .listenbrainz)
            }
            configuration.odesliKey = try values["ODESLI_API_KEY"].map { try ProviderCredential($0, for: .odesli) }
            configuration.contactUserAgent = try values["SWINGCACHE_CONTACT"].map {
                try ProviderUserAgent(contact: $0)
            }
        } catch {
            throw ConfigurationError("\(error)")
        }
        for declaration in ProviderDeclaration.registered {
            if let text = values[declaration.rootKey] {
                configuration.roots[declaration.provider] = try SwingCacheConfiguration.url(
                    text, key: declaration.rootKey)
            }
        }
        return configuration
    }
}
