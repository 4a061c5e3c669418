import EnrichmentAPI
import Foundation
import Outbound
import SpotifyAPI
import SwingCache

/// The provider clients a run may call: one per provider that is configured, nil for the others.
package struct ProviderClients: Sendable {
    package var lastfm: LastFMClient?
    package var musicbrainz: MusicBrainzClient?
    package var listenbrainz: ListenBrainzClient?
    package var deezer: DeezerClient?
    package var odesli: OdesliClient?

    package init(
        lastfm: LastFMClient? = nil, musicbrainz: MusicBrainzClient? = nil, listenbrainz: ListenBrainzClient? = nil,
        deezer: DeezerClient? = nil, odesli: OdesliClient? = nil
    ) {
        self.lastfm = lastfm
        self.musicbrainz = musicbrainz
        self.listenbrainz = listenbrainz
        self.deezer = deezer
        self.odesli = odesli
    }

    /// The clients `configuration` allows: Last.fm with a key, MusicBrainz with a contact, Odesli with a key;
    /// ListenBrainz and Deezer need neither.
    package init(
        _ configuration: ProviderConfiguration, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        let agent = configuration.userAgent
        let roots = configuration.roots
        lastfm = configuration.lastfmKey.map {
            LastFMClient(
                root: roots[.lastfm] ?? LastFMClient.defaultRoot, apiKey: $0, userAgent: agent, transport: transport,
                now: now)
        }
        musicbrainz = configuration.contactUserAgent.map {
            MusicBrainzClient(
                root: roots[.musicbrainz] ?? MusicBrainzClient.defaultRoot, userAgent: $0, transport: transport,
                now: now)
        }
        listenbrainz = ListenBrainzClient(
            root: roots[.listenbrainz] ?? ListenBrainzClient.defaultRoot, token: configuration.listenbrainzToken,
            userAgent: agent, transport: transport, now: now)
        deezer = DeezerClient(
            root: roots[.deezer] ?? DeezerClient.defaultRoot, userAgent: agent, transport: transport, now: now)
        odesli = configuration.odesliKey.map {
            OdesliClient(
                root: roots[.odesli] ?? OdesliClient.defaultRoot, key: $0, userAgent: agent, transport: transport,
                now: now)
        }
    }

    /// Why a run skips `provider`: what its declaration requires, when its client is not configured; else nil.
    func unconfiguredReason(_ provider: Provider) -> String? {
        let configured =
            switch provider {
            case .lastfm: lastfm != nil
            case .musicbrainz: musicbrainz != nil
            case .listenbrainz: listenbrainz != nil
            case .deezer: deezer != nil
            case .odesli: odesli != nil
            }
        return configured ? nil : ProviderConfiguration.missingSetting(for: provider)
    }
}
