import Foundation
import SwingCache
import Synchronization

/// Deezer's link per library ISRC, and what the same answer says of the track (`rank`, `bpm`, `gain`, in
/// `deezer_track`). The links it finds in a run are what Odesli is asked about next (``OdesliEnricher``).
package struct DeezerEnricher: ProviderEnricher {
    package var client: DeezerClient
    /// Where the links found in this run are kept for Odesli.
    package var found: DeezerLinksFound

    package init(client: DeezerClient, found: DeezerLinksFound = DeezerLinksFound()) {
        self.client = client
        self.found = found
    }

    package var provider: Provider { .deezer }
    package var unit: String { "ISRCs" }

    package func keys(in source: any EnrichmentKeySource) async throws -> [String] { try await source.libraryISRCs() }

    package func storeKey(for isrc: String) -> EnrichmentKey? { .trackLink(isrc: isrc, platform: "deezer") }

    package func request(for batch: [String]) -> EnrichmentRequest<DeezerExchange> {
        let (isrc, client) = (batch[0], client)
        return EnrichmentRequest(endpoint: "track/isrc", detail: isrc) { await client.track(isrc: isrc) }
    }

    package func step(after answer: DeezerAnswer, for batch: [String], lifetimes: FactLifetimes, now: Date)
        -> EnrichmentStep<DeezerExchange>
    {
        let isrc = batch[0]
        var track: DeezerTrack?
        if case .found(let found) = answer { track = found }
        let url = track?.link
        let expiresAt = lifetimes.expiry(found: url != nil, now: now)
        let fact = TrackLinkFact(
            isrc: isrc, platform: "deezer", url: url, source: Provider.deezer.serviceName, fetchedAt: now,
            expiresAt: expiresAt)
        let figures = ISRCFact(
            table: .deezerTrack, isrc: isrc,
            figures: [
                "rank": track?.rank.map(JSONValue.int) ?? .null, "bpm": track?.bpm.map(JSONValue.double) ?? .null,
                "gain": track?.gain.map(JSONValue.double) ?? .null,
            ],
            missing: track == nil ? .notFound : nil, fetchedAt: now, expiresAt: expiresAt)
        if let url { found.append(isrc: isrc, url: url) }
        return .write(
            EnrichmentFacts(
                ProviderFacts(links: [fact], isrcFacts: [figures]), stored: url == nil ? 0 : 1,
                missing: url == nil ? 1 : 0))
    }
}

/// The Deezer links a run found, in the order found.
package final class DeezerLinksFound: Sendable {
    private let links = Mutex<[(isrc: String, url: String)]>([])

    package init() {}

    package func append(isrc: String, url: String) { links.withLock { $0.append((isrc, url)) } }

    package var all: [(isrc: String, url: String)] { links.withLock { $0 } }
}
