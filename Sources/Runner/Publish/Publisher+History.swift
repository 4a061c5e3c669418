import CacheStore
import EnrichmentAPI
import Foundation
import SwingCache
import SwingMusicLibrary

extension Publisher {
    /// The history fetchers of one publish, one per service, reused for every user so a service's pace and
    /// rate-limit state carry over from one user to the next.
    struct HistoryFetchers {
        var bySource: [ListenSource: ListeningHistoryFetcher] = [:]
        /// Services that may not be asked again in this publish, with why.
        var stopped: [ListenSource: String] = [:]
    }

    /// Imports `entry`'s Last.fm scrobbles and ListenBrainz listens newer than the last import into SwingMusic as
    /// that user's plays: matched to library songs, each play once, none SwingMusic already holds.
    func importHistory(
        _ entry: HistoryImport, library: LibrarySource, matcher: ListenMatcher, users: [SwingMusicUsersPayload.User],
        session: inout SwingMusicSession, restorer: SwingMusicRestorer?, fetchers: inout HistoryFetchers,
        report: inout PublishReport
    ) async throws -> PublishReport.History {
        var history = PublishReport.History(user: entry.user)
        guard let user = users.first(where: { $0.username == entry.user }) else {
            throw PublishFailure(
                .configuration,
                "\(entry.origin): SwingMusic has no user '\(entry.user)' (its users: \(users.map(\.username).joined(separator: ", ")))"
            )
        }
        var listens: [Listen] = []
        var cursors: [HistoryCursor] = []
        let accounts: [(ListenSource, String?)] = [
            (.lastfm, entry.lastfmUser), (.listenbrainz, entry.listenbrainzUser),
        ]
        for case (let source, let serviceUser?) in accounts {
            if let why = fetchers.stopped[source] {
                history.notes[source.rawValue] = why
                continue
            }
            guard var fetcher = try fetchers.bySource[source] ?? historyFetcher(for: source) else {
                history.notes[source.rawValue] = source == .lastfm ? "LASTFM_API_KEY is not set" : "not configured"
                continue
            }
            let since = try readStore {
                try store.historyCursor(user: entry.user, source: source.rawValue, serviceUser: serviceUser)?
                    .newestListenedAt
            }
            let fetched = await fetcher.fetch(user: serviceUser, since: since)
            fetchers.bySource[source] = fetcher
            report.requests[source.rawValue, default: ProviderSummary()].add(fetched.requests)
            history.fetched[source.rawValue] = fetched.listens.count
            if let reason = fetched.reason {
                history.notes[source.rawValue] = reason
                if fetched.stopsService { fetchers.stopped[source] = reason }
            }
            listens += fetched.listens
            if let newest = fetched.newestCompleteTimestamp {
                cursors.append(
                    HistoryCursor(
                        user: entry.user, source: source.rawValue, serviceUser: serviceUser, newestListenedAt: newest))
            }
        }
        let held: [Scrobble]
        do {
            held = try LibraryImport(store: store, clock: clock, logger: logger).open(library).scrobbles(
                user: entry.user)
        } catch {
            throw PublishFailure(.configuration, "\(error)")
        }
        let plan = HistoryImportPlan(listens: listens, matcher: matcher, swingMusicPlays: held)
        history.imported = plan.plays.count
        history.duplicatesAcrossServices = plan.duplicatesAcrossServices
        history.alreadyInSwingMusic = plan.alreadyInSwingMusic
        history.unmatched = plan.unmatched
        guard !dryRun else { return history }
        if let restorer, !plan.plays.isEmpty {
            let backup = SwingMusicRestorer.Backup(scrobbles: plan.plays.map { Self.backupPlay($0, userID: user.id) })
            try await session.restore(try restorer.write(backup), restorer: restorer)
        }
        let imported = plan.plays.map { play in
            ImportedPlayRecord(
                user: entry.user, trackhash: play.track.trackhash, listenedAt: play.listen.timestamp,
                source: play.listen.source.rawValue, filepath: play.track.filepath)
        }
        try writeStore { try store.recordImportedPlays(imported, cursors: cursors, at: clock.now()) }
        return history
    }

    /// A play as SwingMusic's backup holds one, marked in `extra` as swingcache's import from its service.
    static func backupPlay(_ play: HistoryImportPlan.Play, userID: Int) -> SwingMusicRestorer.Play {
        SwingMusicRestorer.Play(
            trackhash: play.track.trackhash, duration: play.track.durationSeconds ?? 0,
            timestamp: play.listen.timestamp, source: "tr:\(play.track.trackhash)", userid: userID,
            extra: [
                "swingcache": .string(play.listen.source.rawValue), "filepath": .string(play.track.filepath),
                "title": .string(play.track.title), "artists": .array(play.track.artists.map(JSONValue.string)),
                "album": play.track.album.map(JSONValue.string) ?? .null,
            ])
    }

    /// A fetcher of `source`'s history through its own paced pipeline; nil when the service is not configured.
    private func historyFetcher(for source: ListenSource) throws -> ListeningHistoryFetcher? {
        let provider: Provider = source == .lastfm ? .lastfm : .listenbrainz
        let budget = providerBudgets[provider]
        let pacer = Pacer(
            store: store, service: provider.serviceName, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: nil, deadline: nil, waitsForWindow: true, logger: logger)
        let pipeline = OutboundPipeline(
            service: provider.displayName, pacer: pacer, store: store, clock: clock, retry: retry,
            throttle: provider.throttle, logger: logger)
        switch source {
        case .lastfm:
            return providers.lastfm.map {
                ListeningHistoryFetcher(
                    lastfm: $0, pipeline: pipeline, clock: clock, logger: logger)
            }
        case .listenbrainz:
            return providers.listenbrainz.map {
                ListeningHistoryFetcher(
                    listenbrainz: $0, pipeline: pipeline, clock: clock, logger: logger)
            }
        }
    }
}

extension ProviderSummary {
    /// Adds `other`'s counts to these.
    mutating func add(_ other: ProviderSummary) {
        requests += other.requests
        rateLimited += other.rateLimited
        retries += other.retries
        failed += other.failed
        for (status, count) in other.byStatus { byStatus[status, default: 0] += count }
    }
}
