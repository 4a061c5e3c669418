import EnrichmentAPI
import Foundation
import Logging
import Outbound
import ServiceLifecycle
import SwingCache

/// Reads users' listening histories from one service, page by page, through the service's one pipeline: its
/// pacer, budget, ledger, retries and breaker, all from the caller.
///
/// Build one fetcher per service and run, and fetch every user with it: the pipeline's state (rate limits in a
/// row, the breaker) and ListenBrainz's rate-limit headers carry from one user to the next.
///
/// ```swift
/// var lastfm = ListeningHistoryFetcher(
///     lastfm: client, pipeline: enrichment.pipeline(for: .lastfm, setting: .lastfm, tracker: tracker),
///     clock: clock, logger: logger)
/// for user in users {
///     let fetched = await lastfm.fetch(user: user.lastfmName, since: cursors[user])
///     …
///     if fetched.stopsService { break }
/// }
/// ```
///
/// Last.fm is read newest first between `since + 1` and the time the fetch began, so a scrobble arriving meanwhile
/// cannot shift the pages. ListenBrainz is read newest first by `max_ts` (each page overlapping the last by the
/// second of its oldest listen) until a page reaches `since`; `min_ts` is never sent, because with it ListenBrainz
/// answers the listens just after `min_ts` rather than the newest ones.
///
/// Requests reach the ledger as `user.getRecentTracks` and `user/listens`, and every row the fetch opens is
/// completed before it returns. The fetcher never waits on its own: the pipeline's pacer does, and for ListenBrainz
/// the reset its headers name (``ListenBrainzPacing``) is waited out through that pacer.
struct ListeningHistoryFetcher {
    /// The client of the service the fetcher reads.
    enum Client: Sendable {
        case lastfm(LastFMClient)
        case listenbrainz(ListenBrainzClient)
    }

    let client: Client
    /// The service's pipeline, as the caller built it; read it back for its state after the fetches.
    private(set) var pipeline: OutboundPipeline
    let clock: any RunClock
    let logger: Logger
    /// Listens asked for per request: Last.fm's `limit` (at most 200), ListenBrainz's `count` (at most 1000).
    var pageSize: Int
    /// ListenBrainz's rate-limit headers, last seen.
    private(set) var pacing = ListenBrainzPacing()

    /// A fetcher of Last.fm scrobbles, 200 a request unless `pageSize` says fewer.
    init(
        lastfm client: LastFMClient, pipeline: OutboundPipeline, clock: any RunClock, logger: Logger,
        pageSize: Int = LastFMRecentTracksRequest.maxLimit
    ) {
        self.client = .lastfm(client)
        self.pipeline = pipeline
        self.clock = clock
        self.logger = logger
        self.pageSize = pageSize
    }

    /// A fetcher of ListenBrainz listens, 1000 a request unless `pageSize` says fewer.
    init(
        listenbrainz client: ListenBrainzClient, pipeline: OutboundPipeline, clock: any RunClock,
        logger: Logger, pageSize: Int = ListenBrainzListensRequest.maxCount
    ) {
        self.client = .listenbrainz(client)
        self.pipeline = pipeline
        self.clock = clock
        self.logger = logger
        self.pageSize = pageSize
    }

    var source: ListenSource {
        switch client {
        case .lastfm: .lastfm
        case .listenbrainz: .listenbrainz
        }
    }

    /// Every listen of `user` newer than `since` (Unix seconds; nil for the whole history), or as many as could be
    /// read before the service stopped; see ``FetchedListens`` for what to store.
    mutating func fetch(user: String, since: Int?) async -> FetchedListens {
        var progress = Progress(since: since)
        let ending: FetchedListens.Ending
        switch client {
        case .lastfm(let client): ending = await fetchLastfm(client, user: user, progress: &progress)
        case .listenbrainz(let client): ending = await fetchListenBrainz(client, user: user, progress: &progress)
        }
        var fetched = FetchedListens(
            source: source, user: user, since: since, listens: progress.newestFirst.reversed(), ending: ending,
            requests: progress.tally)
        if let reason = fetched.reason {
            logger.notice(
                "listening history not complete: \(reason)", metadata: ["listens": "\(fetched.listens.count)"])
            fetched.requests.skipped = reason
            fetched.requests.unfinished = fetched.stopsService || ending.isFailure
        }
        return fetched
    }

    /// What a fetch has gathered so far.
    private struct Progress {
        let since: Int?
        var newestFirst: [Listen] = []
        var seen: Set<Listen> = []
        var tally = ProviderSummary()

        init(since: Int?) {
            self.since = since
        }

        /// Keeps the listens of one page newer than `since`, each once; returns how many it kept.
        @discardableResult
        mutating func add(_ listens: [Listen]) -> Int {
            var added = 0
            for listen in listens where listen.timestamp > (since ?? Int.min) && seen.insert(listen).inserted {
                newestFirst.append(listen)
                added += 1
            }
            return added
        }
    }

    /// Where one page leaves a fetch.
    private enum Step<Page> {
        case page(Page)
        case end(FetchedListens.Ending)
    }

    private mutating func fetchLastfm(_ client: LastFMClient, user: String, progress: inout Progress) async
        -> FetchedListens.Ending
    {
        let from = progress.since.map { $0 + 1 }
        let to = Int(clock.now().timeIntervalSince1970)
        let limit = pageSize
        var page = 1
        while true {
            let step: Step<LastFMRecentTracksPage> = await send(
                endpoint: "user.getRecentTracks", detail: "\(user) page \(page)", tally: &progress.tally,
                read: Self.readLastfm
            ) {
                await client.recentTracks(user: user, page: page, limit: limit, from: from, to: to)
            }
            let found: LastFMRecentTracksPage
            switch step {
            case .page(let page): found = page
            case .end(let ending): return ending
            }
            progress.add(found.listens)
            // A page that reaches `since` is the last one, whether or not the server honoured `from`.
            let reachedSince = found.listens.contains { $0.timestamp <= (progress.since ?? Int.min) }
            if page >= found.totalPages || found.listens.isEmpty || reachedSince { return .finished }
            page += 1
        }
    }

    private mutating func fetchListenBrainz(_ client: ListenBrainzClient, user: String, progress: inout Progress)
        async -> FetchedListens.Ending
    {
        let count = min(max(1, pageSize), ListenBrainzListensRequest.maxCount)
        let since = progress.since ?? Int.min
        var maxTimestamp: Int?
        while true {
            let earliest = pacing.earliestStart(now: clock.now())
            if earliest > clock.now() { await pipeline.pacer.block(until: earliest) }
            let before = maxTimestamp
            var seenHeaders: ListenBrainzRateLimit?
            let step: Step<[Listen]> = await send(
                endpoint: "user/listens", detail: "\(user) before \(before.map(String.init) ?? "now")",
                tally: &progress.tally, read: Self.readListenBrainz
            ) {
                let exchange = await client.listens(user: user, count: count, maxTimestamp: before)
                seenHeaders = exchange.rateLimit ?? seenHeaders
                return exchange
            }
            pacing.record(seenHeaders)
            let listens: [Listen]
            switch step {
            case .page(let page): listens = page
            case .end(let ending): return ending
            }
            let added = progress.add(listens)
            // A short page is the start of the history; a page that reaches `since` is the last one needed.
            guard listens.count >= count, let oldest = listens.map(\.timestamp).min(), oldest > since else {
                return .finished
            }
            // `max_ts` is exclusive: the next page starts at the oldest second again, so a listen of that second
            // beyond this page is not lost (the ones read are not kept twice). A page that brought nothing new, all
            // of one second, is passed over.
            maxTimestamp = added > 0 && oldest + 1 < (before ?? Int.max) ? oldest + 1 : oldest
        }
    }

    private static func readLastfm(_ answer: LastFMHistoryAnswer) -> Step<LastFMRecentTracksPage> {
        switch answer {
        case .found(let page): .page(page)
        case .userNotFound(let message): .end(.userNotFound(message))
        case .privateProfile(let message): .end(.privateProfile(message))
        default: .end(.failed("\(answer)"))
        }
    }

    private static func readListenBrainz(_ answer: ListenBrainzListensAnswer) -> Step<[Listen]> {
        switch answer {
        case .found(let listens): .page(listens)
        case .userNotFound(let message): .end(.userNotFound(message))
        default: .end(.failed("\(answer)"))
        }
    }

    /// Sends one page's request through the pipeline, completes its ledger row, and says whether the fetch goes on
    /// with a page or ends.
    private mutating func send<Exchange: OutboundExchange, Page>(
        endpoint: String, detail: String, tally: inout ProviderSummary, read: (Exchange.Answer) -> Step<Page>,
        _ request: () async -> Exchange
    ) async -> Step<Page> {
        if Task.isShuttingDownGracefully { return .end(.stopped("stopped by a signal")) }
        let ending = await pipeline.send(endpoint: endpoint, detail: detail, tally: &tally, request)
        switch ending {
        case .answered(let answer, _, let ledgerID, let status):
            await pipeline.complete(ledgerID, status)
            return read(answer)
        case .notSent(let reason), .failed(let reason), .effectUnknown(let reason):
            return .end(.failed(reason))
        case .disabled(let reason), .stopped(.configurationError(let reason)):
            return .end(.disabled(reason))
        case .stopped(let outcome):
            return .end(.stopped(ProviderEnrichment.describe(outcome)))
        }
    }
}

extension FetchedListens.Ending {
    /// Whether a page failed for good.
    fileprivate var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
