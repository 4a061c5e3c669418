import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

extension ProviderEnrichment {
    /// ListenBrainz popularity of the recordings stored MusicBrainz facts name, up to 1000 a request, paced by the
    /// rate-limit headers of each answer as well as the pacer.
    func enrichListenBrainz(_ summary: inout ProviderSummary) async {
        guard let client = clients.listenbrainz else { return skip(.listenbrainz, "not configured", &summary) }
        let pending: [String]
        do {
            let mbids = try store.recordingMBIDs(forISRCs: try store.libraryISRCs())
            let wanted = try needingFetch(
                mbids.map { .listenbrainzPopularity(mbid: $0) }, now: clock.now(), summary: &summary)
            pending = mbids.filter { wanted.contains(.listenbrainzPopularity(mbid: $0)) }
        } catch {
            return leaveForNextRun(.listenbrainz, "could not read the library from the database: \(error)", &summary)
        }
        let tracker = tracker(.listenbrainz, phase: .listenbrainz, total: pending.count, unit: "recordings")
        var listenbrainz = pipeline(for: .listenbrainz, setting: .listenbrainz, tracker: tracker)
        var pacing = ListenBrainzPacing()
        for start in stride(from: 0, to: pending.count, by: ListenBrainzPopularityRequest.maxRecordings) {
            if stopSignal.isSet { return leaveForNextRun(.listenbrainz, "stopped by a signal", &summary) }
            report(tracker, done: start, total: pending.count, summary: summary)
            let batch = Array(pending[start..<min(pending.count, start + ListenBrainzPopularityRequest.maxRecordings)])
            let earliest = pacing.earliestStart(now: clock.now())
            if earliest > clock.now() { await listenbrainz.pacer.block(until: earliest) }
            let item = "\(batch.count) recordings"
            let ending = await listenbrainz.send(endpoint: "popularity/recording", detail: item, tally: &summary) {
                let exchange = await client.popularity(recordingMBIDs: batch)
                pacing.record(exchange.rateLimit)
                return exchange
            }
            guard
                case .use(let answer, let ledgerID, let status) = next(
                    ending, listenbrainz, .listenbrainz, item, &summary)
            else {
                if stopped(ending) { return }
                continue
            }
            guard case .found(let rows) = answer else { continue }
            let now = clock.now()
            let facts = rows.map { row in
                ListenBrainzPopularityFact(
                    mbid: row.mbid, listenCount: row.listenCount, userCount: row.userCount, fetchedAt: now,
                    expiresAt: now.addingTimeInterval(
                        row.listenCount == nil ? freshness.missingTTL : ttl(.listenbrainz)))
            }
            let record = EnrichmentRecord(
                listenbrainzPopularity: facts, request: .complete(ledgerID: ledgerID, status: status))
            if save(record, provider: .listenbrainz, summary: &summary) {
                summary.stored += facts.filter { $0.listenCount != nil }.count
                summary.missing += facts.filter { $0.listenCount == nil }.count
            }
        }
    }
}
