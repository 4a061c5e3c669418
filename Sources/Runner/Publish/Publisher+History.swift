import CacheStore
import EnrichmentAPI
import Foundation
import Outbound
import SwingCache
import SwingMusicAPI
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
            let since = try await readStore {
                try await store.publish.historyCursor(
                    user: entry.user, source: source.rawValue, serviceUser: serviceUser)?
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
        let swingMusic: SwingMusicLibrary
        let held: [Scrobble]
        do {
            swingMusic = try LibraryImport(store: store, clock: clock, logger: logger).open(library)
            held = try swingMusic.scrobbles(user: entry.user)
        } catch {
            throw PublishFailure(.configuration, "\(error)")
        }
        // Listens read before that matched no song then: the cursor has passed them, so they are tried again here.
        let earlier = try await readStore { try await store.publish.unmatchedListens(user: entry.user) }.compactMap(
            Listen.init)
        var distinct = Set<Listen>()
        let plan = HistoryImportPlan(
            listens: (earlier + listens).filter { distinct.insert($0).inserted }, matcher: matcher,
            swingMusicPlays: held)
        history.duplicatesAcrossServices = plan.duplicatesAcrossServices
        history.alreadyInSwingMusic = plan.alreadyInSwingMusic
        history.unmatched = plan.unmatched.count
        let earlierSet = Set(earlier)
        history.fromEarlierListens = plan.plays.count { earlierSet.contains($0.listen) }
        // What a dry run would keep; a real import adds back the earlier listens whose play did not land.
        history.keptForLater = min(plan.unmatched.count, Self.unmatchedListensKept)
        guard !dryRun else {
            history.imported = plan.plays.count
            return history
        }
        var notLanded: [HistoryImportPlan.Play] = []
        if let restorer, !plan.plays.isEmpty {
            do {
                notLanded = try await restore(
                    plan.plays, user: user, entry: entry, swingMusic: swingMusic, session: &session,
                    restorer: restorer, history: &history)
            } catch let failure as PublishFailure {
                // What landed is recorded; no cursor moves, so the next publish reads those listens again and finds
                // them in SwingMusic.
                report.history.append(history)
                throw failure
            }
        }
        // A cursor never passes a play that did not land: the next publish reads it again.
        let stuck = Dictionary(grouping: notLanded, by: \.listen.source.rawValue).mapValues {
            $0.map(\.listen.timestamp).min() ?? 0
        }
        let kept = cursors.map { cursor in
            var cursor = cursor
            if let oldest = stuck[cursor.source] { cursor.newestListenedAt = min(cursor.newestListenedAt, oldest - 1) }
            return cursor
        }
        // An earlier listen whose play did not land stays kept: no cursor brings it back.
        let stillUnmatched = plan.unmatched + notLanded.map(\.listen).filter(earlierSet.contains)
        history.keptForLater = min(stillUnmatched.count, Self.unmatchedListensKept)
        try await writeStore {
            try await store.publish.recordHistoryRead(
                user: entry.user, cursors: kept, unmatched: stillUnmatched.map(UnmatchedListenRecord.init),
                limit: Self.unmatchedListensKept)
        }
        return history
    }

    /// Restores `plays` into SwingMusic as `user`'s, in restores sized to be answered in time, reading each back:
    /// only what SwingMusic holds is recorded as imported. Returns the plays that did not land.
    private func restore(
        _ plays: [HistoryImportPlan.Play], user: SwingMusicUsersPayload.User, entry: HistoryImport,
        swingMusic: SwingMusicLibrary, session: inout SwingMusicSession, restorer: SwingMusicRestorer,
        history: inout PublishReport.History
    ) async throws -> [HistoryImportPlan.Play] {
        var sizing = RestoreSizing(answerTimeout: answerTimeout)
        var notLanded: [HistoryImportPlan.Play] = []
        var rest = plays[...]
        var restores = 0
        while !rest.isEmpty {
            if Task.isShuttingDownGracefully { throw PublishFailure(.deferred, "stopped by a signal") }
            let chunk = Array(rest.prefix(sizing.size))
            let backup = SwingMusicRestorer.Backup(scrobbles: chunk.map { Self.backupPlay($0, userID: user.id) })
            let started = clock.now()
            let outcome = try await session.restore(try restorer.write(backup), restorer: restorer)
            restores += 1
            let readBack: PlayReadBack
            switch outcome {
            case .restored:
                sizing.restored(chunk.count, in: clock.now().timeIntervalSince(started))
                readBack = try readPlays(chunk, user: entry.user, swingMusic: swingMusic)
            case .effectUnknown(let reason):
                sizing.unanswered(chunk.count)
                logger.notice(
                    "SwingMusic did not answer the restore of \(chunk.count) plays for \(entry.user) (\(reason)); waiting for it to finish before anything is sent again"
                )
                readBack = try await settledReadBack(chunk, user: entry.user, swingMusic: swingMusic)
            }
            try await record(readBack.landed, user: entry.user)
            history.imported += readBack.landed.count
            history.skippedBySwingMusic += readBack.skipped.count
            if !readBack.skipped.isEmpty { history.notes["swingmusic"] = PlayReadBack.skipReason }
            notLanded += readBack.missing
            if case .effectUnknown(let reason) = outcome, !readBack.isComplete {
                throw PublishFailure(
                    .unavailable,
                    "SwingMusic did not answer the restore of \(chunk.count) plays for \(entry.user) (\(reason)), and holds \(readBack.landed.count) of them once it stopped writing: those are recorded; the next publish sends the other \(readBack.missing.count + rest.count - chunk.count) after reading SwingMusic's plays, so none lands twice"
                )
            }
            rest = rest.dropFirst(chunk.count)
            if restores > 1 || !rest.isEmpty {
                logger.notice(
                    "\(entry.user)'s history: \(plays.count - rest.count) of \(plays.count) plays sent to SwingMusic, \(history.imported) landed (restore \(restores))"
                )
            }
        }
        if !notLanded.isEmpty {
            let note =
                "\(notLanded.count) plays SwingMusic answered for but does not hold; the next publish sends them again"
            history.notes["swingmusic"] = [history.notes["swingmusic"], note].compactMap { $0 }.joined(separator: "; ")
        }
        return notLanded
    }

    /// The plays of `chunk` SwingMusic holds for `user` now, and why the others are missing.
    private func readPlays(_ chunk: [HistoryImportPlan.Play], user: String, swingMusic: SwingMusicLibrary) throws
        -> PlayReadBack
    {
        let times = chunk.map(\.listen.timestamp)
        guard let first = times.min(), let last = times.max() else {
            return PlayReadBack([], held: [], restorersPlays: [])
        }
        do {
            let held = try swingMusic.scrobbles(user: user, times: first...last)
            let account = client.account.username
            let restorers = account == user ? held : try swingMusic.scrobbles(user: account, times: first...last)
            return PlayReadBack(chunk, held: held, restorersPlays: restorers)
        } catch {
            throw PublishFailure(.unavailable, "cannot read back the plays SwingMusic restored: \(error)")
        }
    }

    /// Reads `chunk` back until SwingMusic holds all of it or has written none of it for a while: a restore whose
    /// answer never came may still be writing.
    private func settledReadBack(_ chunk: [HistoryImportPlan.Play], user: String, swingMusic: SwingMusicLibrary)
        async throws -> PlayReadBack
    {
        var current = PlayReadBack([], held: [], restorersPlays: [])
        let ending: RestoreSettling.Ending
        do {
            ending = try await settling.wait(on: clock) {
                current = try readPlays(chunk, user: user, swingMusic: swingMusic)
                return (current.isComplete, current.landed.count)
            }
        } catch let failure as PublishFailure where failure.kind == .deferred {
            try await record(current.landed, user: user)
            throw failure
        }
        if ending == .overLimit {
            try await record(current.landed, user: user)
            throw PublishFailure(
                .unavailable,
                "SwingMusic was still writing the plays of a restore \(DurationText.format(settling.limit)) after it was sent (\(current.landed.count) of \(chunk.count) there): the next publish goes on from what it holds then"
            )
        }
        return current
    }

    /// How many listens that matched no library song are kept per SwingMusic user, the newest: about 4 MB of cache
    /// for a user who listens to few of the library's songs.
    static let unmatchedListensKept = 50_000

    /// Records `plays` as imported: SwingMusic holds them.
    private func record(_ plays: [HistoryImportPlan.Play], user: String) async throws {
        let imported = plays.map { play in
            ImportedPlayRecord(
                user: user, trackhash: play.track.trackhash, listenedAt: play.listen.timestamp,
                source: play.listen.source.rawValue, filepath: play.track.filepath)
        }
        try await writeStore { try await store.publish.recordImportedPlays(imported, at: clock.now()) }
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
            store: ledger ?? store.ledger, service: provider.serviceName, clock: clock, limit: budget.perHourForRuns,
            minInterval: budget.minInterval, runID: nil, deadline: nil, waitsForWindow: true, logger: logger)
        let pipeline = OutboundPipeline(
            service: provider.displayName, pacer: pacer, store: ledger ?? store.ledger, clock: clock, retry: retry,
            throttle: provider.throttle, logger: logger)
        switch source {
        case .lastfm:
            return providers.client(of: .lastfm, as: LastFMClient.self).map {
                ListeningHistoryFetcher(
                    lastfm: $0, pipeline: pipeline, clock: clock, logger: logger)
            }
        case .listenbrainz:
            return providers.client(of: .listenbrainz, as: ListenBrainzClient.self).map {
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
