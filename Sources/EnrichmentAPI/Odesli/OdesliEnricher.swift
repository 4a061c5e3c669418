import CacheStore
import Foundation
import SwingCache

/// Odesli's links on other platforms, for each Deezer link found in this run (`enrich.links.odesli: true` and a
/// key).
public struct OdesliEnricher: ProviderEnricher {
    public var client: OdesliClient
    /// The Deezer links of this run, which Odesli is asked about.
    public var deezerLinks: DeezerLinksFound

    public init(client: OdesliClient, deezerLinks: DeezerLinksFound) {
        self.client = client
        self.deezerLinks = deezerLinks
    }

    public var provider: Provider { .odesli }
    public var unit: String { "Deezer links" }

    public func keys(in store: SQLiteCacheStore) throws -> [DeezerLink] {
        deezerLinks.all.map { DeezerLink(isrc: $0.isrc, url: $0.url) }
    }

    /// Nil: Deezer only found the link because it was due, so Odesli's links of it are due too.
    public func storeKey(for key: DeezerLink) -> EnrichmentKey? { nil }

    public func request(for batch: [DeezerLink]) -> EnrichmentRequest<OdesliExchange> {
        let (link, client) = (batch[0], client)
        return EnrichmentRequest(endpoint: "links", detail: link.url) { await client.links(url: link.url) }
    }

    public func step(after answer: OdesliAnswer, for batch: [DeezerLink], lifetimes: FactLifetimes, now: Date)
        -> EnrichmentStep<OdesliExchange>
    {
        var facts: [TrackLinkFact] = []
        if case .found(let links) = answer {
            facts = links.sorted { $0.key < $1.key }.map { platform, link in
                TrackLinkFact(
                    isrc: batch[0].isrc, platform: platform, url: link, source: Provider.odesli.serviceName,
                    fetchedAt: now, expiresAt: lifetimes.expiry(found: true, now: now))
            }
        }
        return .write(EnrichmentFacts(EnrichmentRecord(links: facts, request: nil), stored: facts.count))
    }

    /// An Odesli answer in words: a 401 is a key Odesli does not accept, not a retired service.
    public func describe(_ exchange: OdesliExchange) -> String? {
        switch exchange.answer {
        case .retired(401):
            "Odesli refused the key (401): ODESLI_API_KEY is not allow-listed (keyless calls ended on 2026-07-31); ask Odesli for access or set enrich.links.odesli: false"
        case .retired(let status): "Odesli's public API is gone (\(status)); set enrich.links.odesli: false"
        default: nil
        }
    }

    /// A Deezer link and the ISRC it was found for.
    public struct DeezerLink: Sendable, Hashable {
        public var isrc: String
        public var url: String
    }
}
