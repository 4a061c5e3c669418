import Foundation
import SwingCache
import Synchronization

/// ListenBrainz popularity of the recordings stored MusicBrainz facts name, up to 1000 a request, paced by the
/// rate-limit headers of each answer as well as the pacer.
package final class ListenBrainzEnricher: ProviderEnricher {
    package let client: ListenBrainzClient
    private let pacing = Mutex(ListenBrainzPacing())

    package init(client: ListenBrainzClient) {
        self.client = client
    }

    package var provider: Provider { .listenbrainz }
    package var unit: String { "recordings" }
    package var batchSize: Int { ListenBrainzPopularityRequest.maxRecordings }

    package func keys(in source: any EnrichmentKeySource) async throws -> [String] {
        try await source.recordingMBIDs(forISRCs: try await source.libraryISRCs())
    }

    package func storeKey(for mbid: String) -> EnrichmentKey? { .listenbrainzPopularity(mbid: mbid) }

    package func earliestStart(now: Date) -> Date { pacing.withLock { $0.earliestStart(now: now) } }

    package func request(for batch: [String]) -> EnrichmentRequest<ListenBrainzExchange> {
        EnrichmentRequest(endpoint: "popularity/recording", detail: "\(batch.count) recordings") {
            let exchange = await self.client.popularity(recordingMBIDs: batch)
            self.pacing.withLock { $0.record(exchange.rateLimit) }
            return exchange
        }
    }

    package func step(after answer: ListenBrainzAnswer, for batch: [String], lifetimes: FactLifetimes, now: Date)
        -> EnrichmentStep<ListenBrainzExchange>
    {
        guard case .found(let rows) = answer else {
            return .write(EnrichmentFacts(ProviderFacts(), stored: 0))
        }
        let facts = rows.map { row in
            ListenBrainzPopularityFact(
                mbid: row.mbid, listenCount: row.listenCount, userCount: row.userCount, fetchedAt: now,
                expiresAt: lifetimes.expiry(found: row.listenCount != nil, now: now))
        }
        let stored = facts.count { $0.listenCount != nil }
        return .write(
            EnrichmentFacts(
                ProviderFacts(listenbrainzPopularity: facts), stored: stored,
                missing: facts.count - stored))
    }
}
