import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache

extension ProviderEnrichment {
    /// MusicBrainz per ISRC: the recordings of the ISRC, then the first one's genres, tags and links. Strictly
    /// serial at MusicBrainz's pace; a 503 is retried as ``MusicBrainzPolicy`` says.
    func enrichMusicBrainz(_ summary: inout ProviderSummary) async {
        guard let client = clients.musicbrainz else {
            return skip(.musicbrainz, ProviderConfiguration.missingContact, &summary)
        }
        let isrcs: [String]
        let wanted: Set<EnrichmentKey>
        do {
            isrcs = try store.libraryISRCs()
            wanted = try needingFetch(
                isrcs.map { .musicbrainzRecording(isrc: $0) }, now: clock.now(), summary: &summary)
        } catch {
            return leaveForNextRun(.musicbrainz, "could not read the library from the database: \(error)", &summary)
        }
        let pending = isrcs.filter { wanted.contains(.musicbrainzRecording(isrc: $0)) }
        let tracker = tracker(.musicbrainz, phase: .musicbrainz, total: pending.count, unit: "ISRCs")
        var musicbrainz = pipeline(for: .musicbrainz, setting: .musicbrainz, tracker: tracker)
        let retries = MusicBrainzPolicy.standard.maxBusyRetries
        for (done, isrc) in pending.enumerated() {
            if stopSignal.isSet { return leaveForNextRun(.musicbrainz, "stopped by a signal", &summary) }
            report(tracker, done: done, total: pending.count, summary: summary)
            let lookup = await musicbrainz.send(endpoint: "isrc", detail: isrc, tally: &summary, maxRetries: retries) {
                await client.recordings(isrc: isrc)
            }
            guard
                case .use(let answer, let ledgerID, let status) = next(
                    lookup, musicbrainz, .musicbrainz, isrc, &summary)
            else {
                if stopped(lookup) { return }
                continue
            }
            guard case .found(let recordings) = answer, let first = recordings.first else {
                let now = clock.now()
                let fact = MusicBrainzRecordingFact.missing(
                    isrc: isrc, fetchedAt: now, expiresAt: now.addingTimeInterval(freshness.missingTTL))
                let record = EnrichmentRecord(
                    musicbrainzRecordings: [fact], request: .complete(ledgerID: ledgerID, status: status))
                if save(record, provider: .musicbrainz, summary: &summary) { summary.missing += 1 }
                continue
            }
            musicbrainz.complete(ledgerID, status)
            let detail = await musicbrainz.send(
                endpoint: "recording", detail: first.mbid, tally: &summary, maxRetries: retries
            ) {
                await client.recording(mbid: first.mbid)
            }
            guard
                case .use(let detailAnswer, let detailID, let detailStatus) = next(
                    detail, musicbrainz, .musicbrainz, first.mbid, &summary)
            else {
                if stopped(detail) { return }
                continue
            }
            let recording: MusicBrainzRecording
            if case .found(let found) = detailAnswer { recording = found } else { recording = first }
            let now = clock.now()
            let fact = MusicBrainzRecordingFact(
                isrc: isrc, mbids: recordings.map(\.mbid),
                genres: recording.genres.sorted { $0.count > $1.count }.map(\.name),
                tags: recording.tags.sorted { $0.count > $1.count }.map(\.name),
                links: recording.links.compactMap { PlatformLink(musicBrainzURL: $0.url) }, fetchedAt: now,
                expiresAt: now.addingTimeInterval(ttl(.musicbrainz)))
            let record = EnrichmentRecord(
                musicbrainzRecordings: [fact], request: .complete(ledgerID: detailID, status: detailStatus))
            if save(record, provider: .musicbrainz, summary: &summary) { summary.stored += 1 }
        }
    }
}
