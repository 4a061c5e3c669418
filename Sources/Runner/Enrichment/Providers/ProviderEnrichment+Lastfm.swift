import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

extension ProviderEnrichment {
    /// Last.fm `track.getInfo` per library Last.fm key, with the user's plays when `enrich.lastfm.username` is set.
    func enrichLastfm(_ summary: inout ProviderSummary) async {
        guard let client = clients.lastfm else {
            return skip(.lastfm, ProviderConfiguration.missingLastfmKey, &summary)
        }
        let keys: [LastfmTrackKey]
        let wanted: Set<EnrichmentKey>
        do {
            keys = try store.libraryLastfmKeys()
            wanted = try needingFetch(keys.map { .lastfmTrack($0) }, now: clock.now(), summary: &summary)
        } catch {
            return leaveForNextRun(.lastfm, "could not read the library from the database: \(error)", &summary)
        }
        let pending = keys.filter { wanted.contains(.lastfmTrack($0)) }
        let tracker = tracker(.lastfm, phase: .lastfm, total: pending.count)
        var lastfm = pipeline(for: .lastfm, setting: .lastfm, tracker: tracker)
        let username = settings.lastfmUsername
        for (done, key) in pending.enumerated() {
            if stopSignal.isSet { return leaveForNextRun(.lastfm, "stopped by a signal", &summary) }
            report(tracker, done: done, total: pending.count, summary: summary)
            let item = "\(key.artist) – \(key.title)"
            let ending = await lastfm.send(endpoint: "track.getInfo", detail: item, tally: &summary) {
                await client.trackInfo(artist: key.artist, track: key.title, username: username)
            }
            guard case .use(let answer, let ledgerID, let status) = next(ending, lastfm, .lastfm, item, &summary) else {
                if stopped(ending) { return }
                continue
            }
            let now = clock.now()
            let fact: LastfmTrackFact
            if case .found(let info) = answer {
                fact = LastfmTrackFact(
                    key: key, playCount: info.playcount, listeners: info.listeners, userPlayCount: info.userPlaycount,
                    username: username, tags: info.topTags, mbid: info.mbid, url: info.url, fetchedAt: now,
                    expiresAt: now.addingTimeInterval(ttl(.lastfm)))
            } else {
                fact = .missing(key, fetchedAt: now, expiresAt: now.addingTimeInterval(freshness.missingTTL))
            }
            let record = EnrichmentRecord(lastfmTracks: [fact], request: .complete(ledgerID: ledgerID, status: status))
            if save(record, provider: .lastfm, summary: &summary) {
                if fact.missing == nil { summary.stored += 1 } else { summary.missing += 1 }
            }
        }
    }
}
