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
            let ending = await odesliPipeline.send(endpoint: "links", detail: url, tally: &summary) {
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
}
