import Foundation
import SwingCache
import SwingCacheTestKit

/// A simulated week of Spotify's 2026 Development-Mode quota: a 20 000-track library fetched one track per request,
/// a rolling-day quota of 1 000 requests that the app does not know in advance, 1 % of the tracks changing each day,
/// and a run every hour planned by the real ``Planner``. Compares a fixed 12 h ttl with change-aware freshness
/// (`ttl_max: 7d`), both learning the quota's ceiling from the first `QUOTA_EXCEEDED`.
struct QuotaWeekBenchmark {
    var tracks = 20_000
    var quotaPerDay = 1_000
    var changeShare = 0.01
    var days = 7
    var runEvery: TimeInterval = 3600
    /// Tracks added to the library at the start of day 3, to time how soon new tracks are cached.
    var addedOnDayThree = 200

    struct Figures {
        var requestsPerDay: [Int] = []
        var quotaTrips = 0
        var fresherThan12h: Double = 0
        var fresherThan7d: Double = 0
        var allCachedAfter: TimeInterval?
        var addedCachedAfter: TimeInterval?
        /// Requests a day that keeping every entry's ttl would cost at the week's end.
        var refreshDemandPerDay = 0
        /// Mean share of the library cached with Spotify's current content, sampled each run of days 4 to 7.
        var upToDate: Double = 0
    }

    struct Entry {
        var fetchedAt: Date
        var expiresAt: Date
        var version: Int
        var seenVersion: Int
        var unchanged: Int
    }

    func run() {
        print(
            "swingcache-bench: a simulated week, \(tracks) tracks (+\(addedOnDayThree) on day 3) per-item, quota \(quotaPerDay) per rolling day, \(Int(changeShare * 100)) % changing a day, a run every \(DurationText.format(runEvery))"
        )
        let fixed = simulate(FreshnessPolicy(ttl: 12 * 3600))
        let changeAware = simulate(FreshnessPolicy(ttl: 12 * 3600, ttlMax: 7 * 86_400))
        func row(_ name: String, _ figures: Figures) {
            let perDay = figures.requestsPerDay.map(String.init).joined(separator: " ")
            let cached = figures.allCachedAfter.map { String(format: "%.1f d", $0 / 86_400) } ?? "not within the week"
            let added = figures.addedCachedAfter.map { String(format: "%.1f h", $0 / 3600) } ?? "not within the week"
            print(
                "  \(name.padding(toLength: 22, withPad: " ", startingAt: 0))requests/day [\(perDay)], quota trips \(figures.quotaTrips), up to date (days 4–7) \(String(format: "%.1f", figures.upToDate * 100)) %, refresh demand at the end \(figures.refreshDemandPerDay)/day, fetched in the last 12 h \(String(format: "%.1f", figures.fresherThan12h * 100)) %, current and fetched in 7 d \(String(format: "%.1f", figures.fresherThan7d * 100)) %, every track cached after \(cached), \(addedOnDayThree) tracks added on day 3 cached after \(added)"
            )
        }
        row("fixed ttl 12h", fixed)
        row("change-aware, max 7d", changeAware)
    }

    func simulate(_ freshness: FreshnessPolicy) -> Figures {
        var generator = SeededGenerator(seed: 2026)
        var factory = CatalogFactory(seed: 20_000)
        let ids = factory.ids(.track, count: tracks + addedOnDayThree)
        let added = Set(ids.suffix(addedOnDayThree))
        let start = Date.testEpoch
        var entries: [SpotifyID: Entry] = [:]
        var versions = [SpotifyID: Int](uniqueKeysWithValues: ids.map { ($0, 0) })
        var ledger: [Date] = []
        var service = ServiceState(modes: [.track: .perItem])
        var figures = Figures(requestsPerDay: Array(repeating: 0, count: days))
        let budget = BudgetPolicy(perHour: 1000, minInterval: 2, reserve: 50)
        var now = start
        let end = start.addingTimeInterval(Double(days) * 86_400)
        var lastChangeDay = -1
        var upToDateSamples: [Double] = []
        while now < end {
            let day = Int(now.timeIntervalSince(start) / 86_400)
            let inLibrary = day >= 2 ? ids : Array(ids.prefix(tracks))
            let targets = inLibrary.map { PlanTarget(id: $0, market: "US", freshness: freshness) }
            if day != lastChangeDay {
                lastChangeDay = day
                for id in ids where Double.random(in: 0..<1, using: &generator) < changeShare {
                    versions[id, default: 0] += 1
                }
            }
            ledger.removeAll { $0 <= now.addingTimeInterval(-86_400) }
            let cache = entries.mapValues { CacheEntryState.cached(fetchedAt: $0.fetchedAt, expiresAt: $0.expiresAt) }
            let plan = Planner(budget: budget).plan(
                targets: targets, invalidCount: 0, cache: cache, recentRequests: ledger, service: service, now: now)
            for request in plan.requests {
                let at = request.scheduledAt
                // The service's own count: a rolling day of `quotaPerDay`, told to nobody.
                let inDay = ledger.filter { $0 > at.addingTimeInterval(-86_400) }
                if inDay.count >= quotaPerDay {
                    figures.quotaTrips += 1
                    service.learnedQuota = QuotaObservation(
                        observedAt: at, requestsInDay: inDay.count + 1, requestsInHour: 0, retryAfter: nil)
                    service.parkedUntil = inDay[inDay.count - quotaPerDay].addingTimeInterval(86_400)
                    ledger.append(at)
                    break
                }
                ledger.append(at)
                figures.requestsPerDay[min(days - 1, Int(at.timeIntervalSince(start) / 86_400))] += 1
                for id in request.ids {
                    let version = versions[id] ?? 0
                    let unchanged = entries[id].map { $0.seenVersion == version ? $0.unchanged + 1 : 0 } ?? 0
                    entries[id] = Entry(
                        fetchedAt: at,
                        expiresAt: at.addingTimeInterval(freshness.ttl(afterUnchangedRefreshes: unchanged)),
                        version: version, seenVersion: version, unchanged: unchanged)
                }
            }
            if day >= 3 {
                let current = entries.filter { versions[$0.key] == $0.value.seenVersion }.count
                upToDateSamples.append(Double(current) / Double(inLibrary.count))
            }
            if figures.allCachedAfter == nil, entries.count == ids.count {
                figures.allCachedAfter = now.timeIntervalSince(start)
            }
            if figures.addedCachedAfter == nil, day >= 2, added.allSatisfy({ entries[$0] != nil }) {
                figures.addedCachedAfter = now.timeIntervalSince(start.addingTimeInterval(2 * 86_400))
            }
            now = now.addingTimeInterval(runEvery)
        }
        let fresh12h = entries.values.filter { $0.fetchedAt > end.addingTimeInterval(-12 * 3600) }.count
        // "Fresher than 7 d": cached, and Spotify's content has not changed since it was fetched.
        let current = entries.filter {
            versions[$0.key] == $0.value.seenVersion && $0.value.fetchedAt > end.addingTimeInterval(-7 * 86_400)
        }.count
        figures.upToDate = upToDateSamples.reduce(0, +) / Double(max(1, upToDateSamples.count))
        figures.refreshDemandPerDay = Int(
            entries.values.reduce(0) { $0 + 86_400 / max(1, $1.expiresAt.timeIntervalSince($1.fetchedAt)) }.rounded())
        figures.fresherThan12h = Double(fresh12h) / Double(ids.count)
        figures.fresherThan7d = Double(current) / Double(ids.count)
        return figures
    }
}
