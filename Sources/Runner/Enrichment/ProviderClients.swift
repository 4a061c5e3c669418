import EnrichmentAPI
import Foundation
import Outbound
import SpotifyAPI
import SwingCache

/// The provider clients a run may call: one per provider that is configured, none for the others, each built by its
/// declaration (``ProviderDeclaration/client``).
///
/// ```swift
/// let clients = ProviderClients(configuration.providers, transport: transport)
/// let lastfm = clients.client(of: .lastfm, as: LastFMClient.self)
/// ```
package struct ProviderClients: Sendable {
    private var clients: [Provider: any Sendable] = [:]

    /// No client: a run skips every provider.
    package init() {}

    /// The clients `configuration` allows: each provider's declaration builds its own from its part of it (Last.fm
    /// with a key, MusicBrainz with a contact, Odesli with a key; ListenBrainz and Deezer need neither).
    package init(
        _ configuration: ProviderConfiguration, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        for declaration in ProviderDeclaration.registered {
            let provider = declaration.provider
            clients[provider] = declaration.client(
                ProviderAccess(
                    root: configuration.roots[provider], credential: configuration.credentials[provider],
                    contactUserAgent: configuration.contactUserAgent, transport: transport, now: now))
        }
    }

    /// The client of `provider`, as its declaration built it; nil when it is not configured.
    package subscript(provider: Provider) -> (any Sendable)? { clients[provider] }

    /// The client of `provider` as the type it is; nil when it is not configured.
    package func client<Client>(of provider: Provider, as type: Client.Type) -> Client? {
        clients[provider] as? Client
    }

    /// Why a run skips `provider`: what its declaration requires, when its client is not configured; else nil.
    func unconfiguredReason(_ provider: Provider) -> String? {
        clients[provider] == nil ? ProviderConfiguration.missingSetting(for: provider) : nil
    }
}
