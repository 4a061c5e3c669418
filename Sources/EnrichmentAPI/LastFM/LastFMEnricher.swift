import Foundation
import SwingCache

/// Last.fm `track.getInfo` per library Last.fm key, with the user's plays when `enrich.lastfm.username` is set.
package struct LastFMEnricher: ProviderEnricher {
    package var client: LastFMClient
    /// The Last.fm user whose play count is asked for too.
    package var username: String?

    package init(client: LastFMClient, username: String?) {
        self.client = client
        self.username = username
    }

    package var provider: Provider { .lastfm }
    package var unit: String { "keys" }

    package func keys(in source: any EnrichmentKeySource) async throws -> [LastfmTrackKey] {
        try await source.libraryLastfmKeys()
    }

    package func storeKey(for key: LastfmTrackKey) -> EnrichmentKey? { .lastfmTrack(key) }

    package func request(for batch: [LastfmTrackKey]) -> EnrichmentRequest<LastFMExchange> {
        let (key, client, username) = (batch[0], client, username)
        return EnrichmentRequest(endpoint: "track.getInfo", detail: "\(key.artist) – \(key.title)") {
            await client.trackInfo(artist: key.artist, track: key.title, username: username)
        }
    }

    package func step(after answer: LastFMAnswer, for batch: [LastfmTrackKey], lifetimes: FactLifetimes, now: Date)
        -> EnrichmentStep<LastFMExchange>
    {
        let key = batch[0]
        guard case .found(let info) = answer else {
            let fact = LastfmTrackFact.missing(key, fetchedAt: now, expiresAt: lifetimes.expiry(found: false, now: now))
            return .write(EnrichmentFacts(ProviderFacts(lastfmTracks: [fact]), stored: 0, missing: 1))
        }
        let fact = LastfmTrackFact(
            key: key, playCount: info.playcount, listeners: info.listeners, userPlayCount: info.userPlaycount,
            username: username, tags: info.topTags, mbid: info.mbid, url: info.url, fetchedAt: now,
            expiresAt: lifetimes.expiry(found: true, now: now))
        return .write(EnrichmentFacts(ProviderFacts(lastfmTracks: [fact]), stored: 1))
    }
}
