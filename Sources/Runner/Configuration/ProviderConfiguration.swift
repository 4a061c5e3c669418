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
    /// The configuration keys this type reads: the providers' credentials, the contact, each provider's base URL.
    package static let keys =
        ProviderDeclaration.registered.compactMap(\.credentialKey) + ["SWINGCACHE_CONTACT"]
        + ProviderDeclaration.registered.map(\.rootKey)

    /// Each provider's key or token, under its ``ProviderDeclaration/credentialKey``.
    package var credentials: [Provider: ProviderCredential]
    /// The User-Agent with the user's contact; nil when `SWINGCACHE_CONTACT` is not set, which leaves MusicBrainz off.
    package var contactUserAgent: ProviderUserAgent?
    /// Base URLs that replace a provider's own (the fixture server in tests, the smoke job and the demo).
    package var roots: [Provider: URL]

    package init(
        lastfmKey: ProviderCredential? = nil, listenbrainzToken: ProviderCredential? = nil,
        odesliKey: ProviderCredential? = nil, contactUserAgent: ProviderUserAgent? = nil,
        roots: [Provider: URL] = [:]
    ) {
        credentials = [:]
        credentials[.lastfm] = lastfmKey
        credentials[.listenbrainz] = listenbrainzToken
        credentials[.odesli] = odesliKey
        self.contactUserAgent = contactUserAgent
        self.roots = roots
    }

    package var lastfmKey: ProviderCredential? {
        get { credentials[.lastfm] }
        set { credentials[.lastfm] = newValue }
    }
    package var listenbrainzToken: ProviderCredential? {
        get { credentials[.listenbrainz] }
        set { credentials[.listenbrainz] = newValue }
    }
    package var odesliKey: ProviderCredential? {
        get { credentials[.odesli] }
        set { credentials[.odesli] = newValue }
    }

    /// The User-Agent sent to every provider: the user's contact when set, else the project's.
    package var userAgent: ProviderUserAgent { contactUserAgent ?? .standard }

    /// Why a run skips `provider`, or nil when it is configured.
    package func unconfiguredReason(_ provider: Provider) -> String? {
        let configured =
            switch ProviderDeclaration.of(provider).requirement {
            case .credential: credentials[provider] != nil
            case .contact: contactUserAgent != nil
            case .nothing: true
            }
        return configured ? nil : Self.missingSetting(for: provider)
    }

    /// Why a run skips `provider` when it has no client: what its declaration requires.
    static func missingSetting(for provider: Provider) -> String {
        let declaration = ProviderDeclaration.of(provider)
        return switch declaration.requirement {
        case .credential: "\(declaration.credentialKey ?? "its key") is not set"
        case .contact: "SWINGCACHE_CONTACT is not set (\(provider.displayName) requires a contact)"
        case .nothing: "not configured"
        }
    }

    /// Reads the keys above from `values` (already merged from the file and the environment).
    static func read(_ values: [String: String]) throws(ConfigurationError) -> Self {
        var configuration = ProviderConfiguration()
        do {
            for declaration in ProviderDeclaration.registered {
                guard let key = declaration.credentialKey, let value = values[key] else { continue }
                configuration.credentials[declaration.provider] = try ProviderCredential(
                    value, for: declaration.provider)
            }
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
