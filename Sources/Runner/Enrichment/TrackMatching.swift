import CacheStore
import Foundation
import Logging
import Outbound
import ServiceLifecycle
import SpotifyAPI
import SwingCache

/// Matches the library files that need it (new, or with changed tags) to Spotify tracks, the most played first
/// (``MatchingOrder``), so a day's quota goes to the songs a person plays.
///
/// Each file costs one ISRC search when it has an ISRC, else (or when that finds nothing usable, such as only
/// another version carrying the same ISRC) one artist-and-title search, whose candidates are weighed with the
/// ISRC answer's. A search answer holds whole track objects, so the track a file is matched to is stored from it as its
/// catalog entry, with the search's time: it is fetched again only when its ttl runs out. Every search is a Spotify request like a catalog one, through the same ``OutboundPipeline``: it takes
/// the run's budget and is written to the ledger, in one transaction with the decision it led to. When the budget
/// runs out the rest of the files wait for the next run; a file is searched again only when its tags change, or when
/// it was left for review before MusicBrainz told what it knows of its artists (their aliases, sort names).
struct TrackMatching {
    var executor: RunExecutor
    var matcher = TrackMatcher()
    var market: String
    /// Files read from the store at a time.
    var pageSize = 100
    /// Told after each file.
    var progress: @Sendable (_ filesDone: Int, _ requests: Int) -> Void = { _, _ in }

    private var store: AppDatabase { executor.store }

    /// Matches until every file is decided or the run must stop; returns why it stopped, nil when it did not.
    func run(
        pacer: Pacer, maxRequests: Int?, run: inout RunExecutor.RunState, library: inout LibrarySummary
    ) async -> RunOutcome? {
        let requestsBefore = run.summary.requests
        defer { library.searchRequests += run.summary.requests - requestsBefore }
        var spotify = executor.spotifyPipeline(pacer: pacer)
        var handled = 0
        let order: [String]
        do {
            order = try await store.library.libraryFilesNeedingMatching().files.map(\.filepath)
        } catch {
            return stop(.deferred("could not read the library from the database: \(error)"), handled, &library)
        }
        for start in stride(from: 0, to: order.count, by: pageSize) {
            let page: [LibraryTrackRecord]
            let learnedISRCs: [String: String]
            let knownArtists: [String: [KnownArtist]]
            do {
                let filepaths = Array(order[start..<min(start + pageSize, order.count)])
                page = try await store.library.libraryTracks(filepaths)
                learnedISRCs = try await store.facts.musicBrainzLearnedISRCs(filepaths)
                knownArtists = try await store.facts.knownArtists(filepaths)
            } catch {
                return stop(.deferred("could not read the library from the database: \(error)"), handled, &library)
            }
            for record in page {
                switch await match(
                    record, learnedISRC: learnedISRCs[record.filepath],
                    knownArtists: knownArtists[record.filepath] ?? [],
                    pipeline: &spotify, maxRequests: maxRequests, run: &run, library: &library)
                {
                case .decided:
                    break
                case .failed(let reason):
                    recordFailure(of: record, reason: reason, run: &run, library: &library)
                case .stop(.serviceUnavailable(let reason)):
                    // The breaker: this file failed like the ones before it.
                    recordFailure(of: record, reason: reason, run: &run, library: &library)
                    handled += 1
                    return stop(.serviceUnavailable(reason), handled, &library)
                case .stop(let outcome):
                    let why = Task.isShuttingDownGracefully ? .deferred("stopped by a signal during matching") : outcome
                    return stop(why, handled, &library)
                }
                handled += 1
                progress(handled, run.summary.requests - requestsBefore)
            }
        }
        return nil
    }

    private func recordFailure(
        of record: LibraryTrackRecord, reason: String, run: inout RunExecutor.RunState, library: inout LibrarySummary
    ) {
        library.failed += 1
        if run.summary.problems.count < RunSummary.problemLimit {
            run.summary.problems.append("search for '\(record.filepath)': \(reason)")
        }
        executor.logger.warning("a search failed", metadata: ["file": "\(record.filepath)", "reason": "\(reason)"])
    }

    /// Counts the files not reached as deferred.
    private func stop(_ outcome: RunOutcome, _ handled: Int, _ library: inout LibrarySummary) -> RunOutcome {
        library.deferred = max(0, library.needingMatching - handled)
        return outcome
    }

    private enum FileResult {
        case decided
        case failed(String)
        case stop(RunOutcome)
    }

    private enum SearchResult {
        case tracks([Track], ledgerID: Int64, status: Int)
        case failed(String)
        case stop(RunOutcome)
    }

    /// `learnedISRC`, the one a MusicBrainz search found for a file without its own, is searched for like the file's
    /// own; the matcher still weighs its answer against the file's tags, as it does a text search's, and against
    /// `knownArtists`, what MusicBrainz knows of the artists of the file's recording.
    private func match(
        _ record: LibraryTrackRecord, learnedISRC: String?, knownArtists: [KnownArtist],
        pipeline: inout OutboundPipeline, maxRequests: Int?, run: inout RunExecutor.RunState,
        library: inout LibrarySummary
    ) async -> FileResult {
        var local = record.localTrack
        local.knownArtists = knownArtists
        var requests: [TrackSearchRequest] = []
        if let isrc = record.isrc ?? learnedISRC { requests.append(TrackSearchRequest(isrc: isrc, market: market)) }
        requests.append(TrackSearchRequest(query: SpotifySearchQuery.text(for: local), market: market))
        var carried: [Track] = []
        for (index, request) in requests.enumerated() {
            if Task.isShuttingDownGracefully { return .stop(.deferred("stopped by a signal during matching")) }
            if let maxRequests, run.summary.requests >= maxRequests {
                return .stop(.deferred("max_requests (\(maxRequests)) reached"))
            }
            switch await search(request, pipeline: &pipeline, run: &run) {
            case .stop(let outcome): return .stop(outcome)
            case .failed(let reason): return .failed(reason)
            case .tracks(let tracks, let ledgerID, let status):
                let candidates = carried + tracks
                let decision = matcher.match(local, candidates: candidates)
                // An ISRC that settles nothing is followed by a search by artist and title.
                if index < requests.count - 1 && matcher.needsTextSearch(after: decision) {
                    await pipeline.complete(ledgerID, status)
                    carried = candidates
                    continue
                }
                let now = executor.clock.now()
                let matches = [
                    TrackMatchRecord(
                        filepath: record.filepath, fingerprint: record.fingerprint, match: decision, matchedAt: now)
                ]
                do {
                    // The chosen candidate is the whole track object: stored now, it needs no GET /tracks/{id}.
                    if decision.isUsable, let chosen = candidates.first(where: { $0.id == decision.spotifyID }) {
                        try await executor.save(
                            matches, track: chosen, ledgerID: ledgerID, status: status, fetchedAt: now, run: run)
                        library.storedFromSearch += 1
                    } else {
                        try await store.library.save(matches, request: .complete(ledgerID: ledgerID, status: status))
                    }
                } catch {
                    return .stop(executor.writeFailure(error))
                }
                count(decision, for: record, library: &library)
                return .decided
            }
        }
        return .failed("no search was made")
    }

    private func search(
        _ request: TrackSearchRequest, pipeline: inout OutboundPipeline, run: inout RunExecutor.RunState
    ) async -> SearchResult {
        let client = executor.client
        let describe = { (exchange: SpotifyExchange<TrackSearchRequest>) in
            RunExecutor.describe(exchange, endpoint: request.endpoint)
        }
        let ending = await pipeline.send(
            endpoint: request.endpoint, detail: request.query, tally: &run.summary, describe: describe
        ) {
            await client.searchTracks(request)
        }
        switch ending {
        case .stopped(let outcome): return .stop(outcome)
        case .disabled(let reason): return .stop(.configurationError(reason))
        case .failed(let reason), .notSent(let reason), .effectUnknown(let reason): return .failed(reason)
        case .answered(let answer, _, let ledgerID, let status):
            if case .searched(let tracks) = answer {
                return .tracks(tracks, ledgerID: ledgerID, status: status)
            }
            await pipeline.complete(ledgerID, status)
            if case .badRequest(let message) = answer {
                return .failed("Spotify rejected the search '\(request.query)' (\(message))")
            }
            return .failed("an unexpected answer: \(answer)")
        }
    }

    private func count(_ decision: TrackMatch, for record: LibraryTrackRecord, library: inout LibrarySummary) {
        let confidence = String(format: "%.2f", decision.confidence)
        var note: String?
        switch decision.outcome {
        case .matched:
            library.matched += 1
        case .lowConfidence:
            library.lowConfidence += 1
            note = "'\(record.filepath)': low confidence (\(confidence)) for \(decision.spotifyID ?? "?"), not used"
        case .ambiguous:
            library.ambiguous += 1
            note =
                "'\(record.filepath)': ambiguous between \(decision.spotifyID ?? "?") and \(decision.runnerUpID ?? "?") (\(confidence)), not used"
        case .noCandidates, .rejected:
            library.unmatched += 1
        }
        if let note, library.review.count < LibrarySummary.reviewLimit { library.review.append(note) }
    }
}
