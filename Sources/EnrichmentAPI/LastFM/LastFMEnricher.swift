import CacheStore
import Foundation
import SwingCache

/// Last.fm `track.getInfo` per library Last.fm key, with the user's plays when `enrich.lastfm.username` is set.
public struct LastFMEnricher: ProviderEnricher {
    public var client: LastFMClient
    /// The Last.fm user whose play count is asked for too.
    public var username: String?

    public init(client: LastFMClient, username: String?) {
        self.client = client
        self.username = username
    }

    public var provider: Provider { .lastfm }
    public var unit: String { "keys" }

    public func keys(in store: SQLiteCacheStore) throws -> [LastfmTrackKey] { try store.libraryLastfmKeys() }

    public func storeKey(for key: LastfmTrackKey) -> EnrichmentKey? { .lastfmTrack(key) }

    public func request(for batch: [LastfmTrackKey]) -> EnrichmentRequest<LastFMExchange> {
        let (key, client, username) = (batch[0], client, username)
        return EnrichmentRequest(endpoint: "track.getInfo", detail: "\(key.artist) – \(key.title)") {
            await client.trackInfo(artist: key.artist, track: key.title, username: username)
        }
    }

    public func step(after answer: LastFMAnswer, for batch: [LastfmTrackKey], lifetimes: FactLifetimes, now: Date)
        -> EnrichmentStep<LastFMExchange>
    {
        let key = batch[0]
        guard case .found(let info) = answer else {
            let fact = LastfmTrackFact.missing(key, fetchedAt: now, expiresAt: lifetimes.expiry(found: false, now: now))
            return .write(EnrichmentFacts(EnrichmentRecord(lastfmTracks: [fact], request: nil), stored: 0, missing: 1))
        }
        let fact = LastfmTrackFact(
            key: key, playCount: info.playcount, listeners: info.listeners, userPlayCount: info.userPlaycount,
            username: username, tags: info.topTags, mbid: info.mbid, url: info.url, fetchedAt: now,
            expiresAt: lifetimes.expiry(found: true, now: now))
        return .write(EnrichmentFacts(EnrichmentRecord(lastfmTracks: [fact], request: nil), stored: 1))
    }
}
