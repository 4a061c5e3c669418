import Foundation
import SwingCache

/// Odesli's links on other platforms, for each Deezer link found in this run (`enrich.links.odesli: true` and a
/// key).
package struct OdesliEnricher: ProviderEnricher {
    package var client: OdesliClient
    /// The Deezer links of this run, which Odesli is asked about.
    package var deezerLinks: DeezerLinksFound

    package init(client: OdesliClient, deezerLinks: DeezerLinksFound) {
        self.client = client
        self.deezerLinks = deezerLinks
    }

    package var provider: Provider { .odesli }
    package var unit: String { "Deezer links" }

    package func keys(in source: any EnrichmentKeySource) throws -> [DeezerLink] {
        deezerLinks.all.map { DeezerLink(isrc: $0.isrc, url: $0.url) }
    }

    /// Nil: Deezer only found the link because it was due, so Odesli's links of it are due too.
    package func storeKey(for key: DeezerLink) -> EnrichmentKey? { nil }

    package func request(for batch: [DeezerLink]) -> EnrichmentRequest<OdesliExchange> {
        let (link, client) = (batch[0], client)
        return EnrichmentRequest(endpoint: "links", detail: link.url) { await client.links(url: link.url) }
    }

    package func step(after answer: OdesliAnswer, for batch: [DeezerLink], lifetimes: FactLifetimes, now: Date)
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
        return .write(EnrichmentFacts(ProviderFacts(links: facts), stored: facts.count))
    }

    /// An Odesli answer in words: a 401 is a key Odesli does not accept, not a retired service.
    package func describe(_ exchange: OdesliExchange) -> String? {
        switch exchange.answer {
        case .retired(401):
            "Odesli refused the key (401): ODESLI_API_KEY is not allow-listed (keyless calls ended on 2026-07-31); ask Odesli for access or set enrich.links.odesli: false"
        case .retired(let status): "Odesli's public API is gone (\(status)); set enrich.links.odesli: false"
        default: nil
        }
    }

    /// A Deezer link and the ISRC it was found for.
    package struct DeezerLink: Sendable, Hashable {
        package var isrc: String
        package var url: String
    }
}
