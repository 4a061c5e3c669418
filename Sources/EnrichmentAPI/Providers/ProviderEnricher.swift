import Foundation
import Outbound
import SwingCache

/// One provider's part in enriching the library: which keys the store needs fetched, which request asks for a key
/// or a batch of keys, and which facts an answer gives.
///
/// Everything else is the same for every provider and done once, by the run's enrichment loop: freshness, pacing,
/// the ledger, retries and rate limits (the outbound pipeline), progress, stopping and the summary. Adding a
/// provider is a folder with its client, answer, payloads and one of these.
///
/// ```swift
/// let enricher = LastFMEnricher(client: client, username: "alice")
/// let keys = try enricher.keys(in: store)
/// let request = enricher.request(for: [keys[0]])
/// let step = enricher.step(after: await request.send().answer, for: [keys[0]], lifetimes: lifetimes, now: now)
/// ```
package protocol ProviderEnricher: Sendable {
    /// What one key names: a Last.fm artist and title, an ISRC, a recording, a Deezer link.
    associatedtype Key: Sendable
    /// What the client gives back for the first request of a key.
    associatedtype Exchange: OutboundExchange
    /// What it gives back for a second request, where the first answer needs one (MusicBrainz's recording).
    associatedtype DetailExchange: OutboundExchange = Exchange

    var provider: Provider { get }
    /// What the progress line counts: `keys`, `ISRCs`, `recordings`.
    var unit: String { get }
    /// How many keys one request asks about.
    var batchSize: Int { get }
    /// How many times a request is sent again after a failure; nil for the run's retry policy.
    var maxRetries: Int? { get }
    /// How many requests a key takes when the provider knows it: 2 where the first answer needs a second request.
    var requestsPerKey: Int { get }

    /// The keys the library gives the provider, in the order they are asked about.
    func keys(in source: any EnrichmentKeySource) async throws -> [Key]
    /// The stored fact whose freshness decides whether `key` is asked about; nil when it is always asked.
    func storeKey(for key: Key) -> EnrichmentKey?
    /// The earliest the next request may start, beyond the pacer: a wait the provider's own headers ask for.
    func earliestStart(now: Date) -> Date
    /// The request that asks about `batch`.
    func request(for batch: [Key]) -> EnrichmentRequest<Exchange>
    /// What the answer to `request(for: batch)` gives: facts to write, or a second request to send first.
    func step(after answer: Exchange.Answer, for batch: [Key], lifetimes: FactLifetimes, now: Date)
        -> EnrichmentStep<DetailExchange>
    /// An answer in words, for a message; nil for the answer's own description.
    func describe(_ exchange: Exchange) -> String?
}

extension ProviderEnricher {
    package var batchSize: Int { 1 }
    package var maxRetries: Int? { nil }
    package var requestsPerKey: Int { 1 }
    package func earliestStart(now: Date) -> Date { now }
    package func describe(_ exchange: Exchange) -> String? { nil }
}

/// One request of an enricher: where it goes, for the ledger and logs, and how to send it.
package struct EnrichmentRequest<Exchange: Sendable>: Sendable {
    /// The endpoint's name in the ledger: `track.getInfo`, `isrc`.
    package var endpoint: String
    /// What it asks about, for logs: an ISRC, `Artist – Title`.
    package var detail: String
    package var send: @Sendable () async -> Exchange

    package init(endpoint: String, detail: String, send: @escaping @Sendable () async -> Exchange) {
        self.endpoint = endpoint
        self.detail = detail
        self.send = send
    }
}

/// What an enricher does with an answer.
package enum EnrichmentStep<DetailExchange: OutboundExchange>: Sendable {
    /// Write these facts, completing the request's ledger entry with them.
    case write(EnrichmentFacts)
    /// Send `request` first, then write what `then` makes of its answer at the time it came.
    case ask(EnrichmentRequest<DetailExchange>, then: @Sendable (DetailExchange.Answer, Date) -> EnrichmentFacts)
}

/// The facts of one answer, and how many of them hold a value or say the provider knows nothing.
package struct EnrichmentFacts: Sendable {
    /// The facts to write, with the answer's ledger entry (the enrichment loop's).
    package var facts: ProviderFacts
    /// Facts written with a value.
    package var stored: Int
    /// Keys the provider said it does not know, remembered as missing.
    package var missing: Int

    package init(_ facts: ProviderFacts, stored: Int, missing: Int = 0) {
        self.facts = facts
        self.stored = stored
        self.missing = missing
    }
}

/// How long a provider's facts stay fresh: the spec's ttl for a fact with a value, `missing_ttl` for one saying the
/// provider knows nothing.
package struct FactLifetimes: Sendable {
    package var ttl: TimeInterval
    package var missingTTL: TimeInterval

    package init(ttl: TimeInterval, missingTTL: TimeInterval) {
        self.ttl = ttl
        self.missingTTL = missingTTL
    }

    /// When a fact fetched at `now` expires: `found` with a value, else as missing.
    package func expiry(found: Bool, now: Date) -> Date {
        now.addingTimeInterval(found ? ttl : missingTTL)
    }
}
