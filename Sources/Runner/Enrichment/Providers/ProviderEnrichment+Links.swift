import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

extension ProviderEnrichment {
    /// Deezer's link per ISRC; then, when the spec asks and a key is configured, Odesli's links of each new one.
    func enrichLinks(_ summary: inout ProviderSummary) async {
        guard let deezer = clients.deezer else { return skip(.deezer, "not configured", &summary) }
        let isrcs: [String]
        let wanted: Set<EnrichmentKey>
        do {
            isrcs = try store.libraryISRCs()
            wanted = try needingFetch(
                isrcs.map { .trackLink(isrc: $0, platform: "deezer") }, now: clock.now(), summary: &summary)
        } catch {
            return leaveForNextRun(.deezer, "could not read the library from the database: \(error)", &summary)
        }
        let pending = isrcs.filter { wanted.contains(.trackLink(isrc: $0, platform: "deezer")) }
        let tracker = tracker(.deezer, phase: .links, total: pending.count, unit: "ISRCs")
        var deezerPipeline = pipeline(for: .deezer, setting: .links, tracker: tracker)
        var found: [(isrc: String, url: String)] = []
        for (done, isrc) in pending.enumerated() {
            if stopSignal.isSet { return leaveForNextRun(.deezer, "stopped by a signal", &summary) }
            report(tracker, done: done, total: pending.count, summary: summary)
            let ending = await deezerPipeline.send(endpoint: "track/isrc", detail: isrc, tally: &summary) {
                await deezer.track(isrc: isrc)
            }
            guard
                case .use(let answer, let ledgerID, let status) = next(ending, deezerPipeline, .deezer, isrc, &summary)
            else {
                if stopped(ending) { return }
                continue
            }
            let now = clock.now()
            var url: String?
            if case .found(let track) = answer { url = track.link }
            let fact = TrackLinkFact(
                isrc: isrc, platform: "deezer", url: url, source: ProviderName.deezer.serviceName, fetchedAt: now,
                expiresAt: now.addingTimeInterval(url == nil ? freshness.missingTTL : ttl(.links)))
            if save(
                EnrichmentRecord(links: [fact], request: .complete(ledgerID: ledgerID, status: status)),
                provider: .deezer, summary: &summary)
            {
                if let url {
                    summary.stored += 1
                    found.append((isrc, url))
                } else {
                    summary.missing += 1
                }
            }
        }
        guard settings.odesli else { return }
        guard let odesli = clients.odesli else {
            logger.notice("Odesli skipped: ODESLI_API_KEY is not set")
            return
        }
        let odesliTracker = self.tracker(.odesli, phase: .links, total: found.count, unit: "Deezer links")
        var odesliPipeline = pipeline(for: .odesli, setting: .links, tracker: odesliTracker)
        for (done, (isrc, url)) in found.enumerated() {
            if stopSignal.isSet { return leaveForNextRun(.odesli, "stopped by a signal", &summary) }
            report(odesliTracker, done: done, total: found.count, summary: summary)
            let ending = await odesliPipeline.send(
                endpoint: "links", detail: url, tally: &summary, describe: Self.describeOdesli
            ) {
                await odesli.links(url: url)
            }
            if case .disabled(let reason) = ending {
                logger.warning("Odesli disabled for this run: \(reason)")
                return
            }
            guard
                case .use(let answer, let ledgerID, let status) = next(ending, odesliPipeline, .odesli, isrc, &summary)
            else {
                if stopped(ending) { return }
                continue
            }
            let now = clock.now()
            var facts: [TrackLinkFact] = []
            if case .found(let links) = answer {
                facts = links.sorted { $0.key < $1.key }.map { platform, link in
                    TrackLinkFact(
                        isrc: isrc, platform: platform, url: link, source: ProviderName.odesli.serviceName,
                        fetchedAt: now, expiresAt: now.addingTimeInterval(ttl(.links)))
                }
            }
            if save(
                EnrichmentRecord(links: facts, request: .complete(ledgerID: ledgerID, status: status)),
                provider: .odesli, summary: &summary)
            {
                summary.stored += facts.count
            }
        }
    }

    /// An Odesli answer in words: a 401 is a key Odesli does not accept, not a retired service.
    static func describeOdesli(_ exchange: OdesliExchange) -> String {
        switch exchange.answer {
        case .retired(401):
            "Odesli refused the key (401): ODESLI_API_KEY is not allow-listed (keyless calls ended on 2026-07-31); ask Odesli for access or set enrich.links.odesli: false"
        case .retired(let status): "Odesli's public API is gone (\(status)); set enrich.links.odesli: false"
        default: "\(exchange.answer)"
        }
    }
}
