import ArgumentParser
import CacheStore
import Foundation
import Logging
import Runner
import SharedTier
import SpotifyAPI
import SwingCache

extension EntityKind: ExpressibleByArgument {}

struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Answer from the cache; fetch what is missing or stale, drawing on the budget's reserve.",
        discussion: """
            A fresh entry costs nothing. A missing or stale one is fetched through the same pacing and hourly
            budget as runs, using the reserve that runs leave free. With --offline no request goes to Spotify:
            stale entries are shown as stale, missing ones as not cached. When SWINGCACHE_REDIS_URL is set, the
            shared Redis cache is asked first and this host's database second (--offline still reads Redis).

            Examples:
              swingcache get track 4iV5W9uYEdYUVa79Axb7Rh
              swingcache get album spotify:album:0sNOF9WDwhWunNAHPD3Baj --json
              swingcache get artist https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF --offline

            Exit 0 when every id was answered, 75 when some could not be now (offline, or the budget is spent).
            """
    )

    @Argument(help: "track, album or artist.")
    var kind: EntityKind

    @Argument(help: ArgumentHelp("Ids, spotify: URIs or open.spotify.com links.", valueName: "id"))
    var ids: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    @Flag(help: "Never call Spotify; answer from the caches alone (Redis, when configured, is still read).")
    var offline = false

    @Flag(help: "Print the answers as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            var parsed: [SpotifyID] = []
            var problems: [String] = []
            for text in ids.flatMap(PackedIDArguments.unpacking) {
                do throws(SpotifyIDError) {
                    parsed.append(try SpotifyID(parsing: text, expecting: kind))
                } catch {
                    if case .wrongKind(let found, _) = error.problem {
                        problems.append(
                            "'\(text)' is a\(found == .track ? "" : "n") \(found.rawValue), not a \(kind.rawValue): ask for it with swingcache get \(found.rawValue) '\(text)'"
                        )
                    } else {
                        problems.append("\(error)")
                    }
                }
            }
            guard problems.isEmpty else { throw CommandFailure(.usage, lines: problems) }
            var seen = Set<SpotifyID>()
            let unique = parsed.filter { seen.insert($0).inserted }

            let configuration = try store.configuration()
            let logger = log.makeLogger()
            let redisTier = configuration.makeRedisTier()
            let cache = TieredCache(
                store: try store.openStore(offline ? .readOnly : .readWrite),
                shared: redisTier?.sharedCatalog(logger: logger))
            let now = store.currentTime
            let policy = FreshnessPolicy()
            var entries = try await cache.entries(for: unique)
            let needed = unique.filter { policy.state(of: entries[$0]?.state ?? .absent, at: now).needsFetch }
            var fetched: Set<SpotifyID> = []
            if !offline && !needed.isEmpty {
                let outcome = try await ReadThrough(
                    cache: cache, configuration: configuration, clock: ShiftedClock(startingAt: store.currentTime),
                    logger: logger
                ).fetch(needed, credentials: try StoreOptions.credentials(from: configuration), redisTier: redisTier)
                if let refused = outcome.refusedCredentials { throw CommandFailure(.badConfiguration, refused) }
                if let parked = outcome.parked {
                    // "not cached" alone would hide why nothing was fetched, and for how long it stays so.
                    Terminal.notice(
                        "Spotify is parked until \(ISO8601DateFormatter().string(from: parked.until))\(parked.reason.map { " (\($0))" } ?? ""): nothing can be fetched before then; try again after it"
                    )
                }
                fetched = outcome.fetched
                entries = try await cache.entries(for: unique)
            }

            // Read for all ids at once: one access to the database, not one per id.
            let refreshes = try await cache.store.catalog.unchangedRefreshes(
                of: unique.filter { entries[$0]?.stored != nil })
            let library = try await cache.store.facts.enrichedTracks(
                spotifyIDs: unique.filter { $0.kind == .track }.map(\.value))
            var answers: [CachedAnswer] = []
            for id in unique {
                let entry = entries[id]
                let cacheState = entry?.state ?? .absent
                let state = policy.state(of: cacheState, at: now)
                let source: CachedAnswer.Source
                switch cacheState {
                case .knownMissing where state != .stale: source = .knownMissing
                case .cached: source = fetched.contains(id) ? .fetched : (state == .stale ? .stale : .cache)
                default: source = .notCached
                }
                var answer = CachedAnswer(id: id, source: source, stored: entry?.stored, tier: entry?.tier)
                if entry?.stored != nil { answer.unchangedRefreshes = refreshes[id] }
                if id.kind == .track { answer.library = (library[id.value] ?? []).map(EnrichedTrackAnswer.init) }
                answers.append(answer)
            }
            if json {
                try Terminal.json(answers)
            } else {
                for answer in answers { print(answer.text) }
            }
            if answers.contains(where: { $0.source == .notCached || $0.source == .stale }) {
                throw ExitStatus.notDoneYet.exitCode
            }
        }
    }
}

extension GetCommand: UsesCacheDatabase {}
