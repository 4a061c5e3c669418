import Foundation
import SwingCache
import SwingCacheTestKit

/// A library's first week in Development Mode: 20 000 files to match, plays on a long tail (a few files hold most of
/// them), 60 % of files with an ISRC, a rolling-day quota of 1 000 Spotify requests the app does not know, and a run
/// every hour that spends its budget on the searches first, then on catalog requests.
///
/// Compares the matching before issue 24 (files in path order, each match followed by `GET /tracks/{id}`) with the
/// matching after it (``MatchingOrder``, the matched track stored from its search). Track refreshes are left out:
/// the ttl is taken as longer than the week, so every request goes to matching.
struct LibraryWeekBenchmark {
    var files = 20_000
    var quotaPerDay = 1_000
    var perHour = 950
    var isrcShare = 0.6
    /// Files with an ISRC whose ISRC search finds nothing, so a search by artist and title follows.
    var isrcMissShare = 0.05
    var days = 7
    /// The share of the ceiling learned from `QUOTA_EXCEEDED` that plans keep (`budget.quota_safety`).
    var quotaSafetyShare = BudgetPolicy().quotaSafetyShare

    struct Day {
        var matched = 0
        var stored = 0
        var requests = 0
        /// The share of the library's plays whose file is matched, and whose file is matched with its track stored.
        var playsMatched = 0.0
        var playsCovered = 0.0
    }

    struct File {
        var path: String
        var plays: Int
        var searches: Int
        var hasISRC = false
    }

    func run() {
        print(
            "swingcache-bench: a library's first week, \(files) files, plays on a long tail, \(Int(isrcShare * 100)) % with ISRC, quota \(quotaPerDay) per rolling day (unknown to the app), a run every hour"
        )
        let library = makeLibrary()
        let top = library.sorted { $0.plays > $1.plays }.prefix(files / 20).reduce(0) { $0 + $1.plays }
        let total = library.reduce(0) { $0 + $1.plays }
        print("  the top 5 % of files hold \(Int(Double(top) / Double(total) * 100)) % of the \(total) plays")
        for (name, playOrder, fetchAfterMatch) in [
            ("before: path order, match + GET /tracks", false, true),
            ("after: most played first, match = fetch", true, false),
        ] {
            let days = simulate(library, playOrder: playOrder, fetchAfterMatch: fetchAfterMatch)
            print("  \(name)")
            var matchedSoFar = 0
            var storedSoFar = 0
            for (index, day) in days.enumerated() {
                matchedSoFar += day.matched
                storedSoFar += day.stored
                func ratio(_ count: Int) -> String {
                    count > 0 ? String(format: "%.2f", Double(day.requests) / Double(count)) : "–"
                }
                print(
                    "    day \(index + 1): \(day.requests) requests; \(day.matched) matched (\(matchedSoFar) in all), \(ratio(day.matched)) requests per newly matched file; \(day.stored) stored with their track (\(storedSoFar) in all), \(ratio(day.stored)) per newly stored file; plays whose file is matched \(String(format: "%.1f", day.playsMatched * 100)) %, matched and stored \(String(format: "%.1f", day.playsCovered * 100)) %"
                )
            }
        }
    }

    /// The files, in path order, with plays on a Zipf-like tail drawn independently of the path.
    func makeLibrary() -> [File] {
        var generator = SeededGenerator(seed: 24)
        var plays = (1...files).map { rank in Int((5_000 / pow(Double(rank), 0.9)).rounded(.down)) }
        plays.shuffle(using: &generator)
        return (0..<files).map { index in
            let hasISRC = Double.random(in: 0..<1, using: &generator) < isrcShare
            let misses = hasISRC && Double.random(in: 0..<1, using: &generator) < isrcMissShare
            return File(
                path: String(format: "/music/%05d.flac", index), plays: plays[index], searches: misses ? 2 : 1,
                hasISRC: hasISRC)
        }
    }

    /// `onHour` is told, after each hour's run, the files it matched and the Spotify requests it sent.
    func simulate(
        _ library: [File], playOrder: Bool, fetchAfterMatch: Bool,
        onHour: ((_ hour: Int, _ matched: [File], _ requests: Int) -> Void)? = nil
    ) -> [Day] {
        let order =
            playOrder
            ? MatchingOrder(library.map { MatchingOrder.File(filepath: $0.path, plays: $0.plays, addedAt: nil) }).files
                .map(\.filepath) : library.map(\.path)
        let byPath = Dictionary(uniqueKeysWithValues: library.map { ($0.path, $0) })
        let totalPlays = Double(library.reduce(0) { $0 + $1.plays })
        var next = 0
        var unfetched: [String] = []
        var storedPlays = 0
        var matchedPlays = 0
        var ledger: [TimeInterval] = []
        var learnedCeiling: Int?
        var parkedUntil: TimeInterval = 0
        var result = Array(repeating: Day(), count: days)
        for hour in 0..<(days * 24) {
            let now = TimeInterval(hour) * 3600
            let day = hour / 24
            var matchedThisHour: [File] = []
            let requestsAtStart = result[day].requests
            defer { onHour?(hour, matchedThisHour, result[day].requests - requestsAtStart) }
            // What the day ends with, should no run of it reach Spotify.
            result[day].playsMatched = Double(matchedPlays) / totalPlays
            result[day].playsCovered = Double(storedPlays) / totalPlays
            guard now >= parkedUntil else { continue }
            ledger.removeAll { $0 <= now - 86_400 }
            var budget = perHour
            if let learnedCeiling { budget = min(budget, learnedCeiling - ledger.count) }
            var at = now
            /// One request, as Spotify's quota sees it; false when it was refused.
            func send() -> Bool {
                if ledger.filter({ $0 > at - 86_400 }).count >= quotaPerDay {
                    learnedCeiling = QuotaObservation(
                        observedAt: Date(timeIntervalSinceReferenceDate: at), requestsInDay: quotaPerDay,
                        requestsInHour: 0, retryAfter: nil
                    ).ceiling(safetyShare: quotaSafetyShare)
                    parkedUntil = (ledger.first ?? at) + 86_400
                    return false
                }
                ledger.append(at)
                at += 2
                budget -= 1
                result[day].requests += 1
                return true
            }
            matching: while next < order.count, budget > 0 {
                let file = byPath[order[next]]!
                for _ in 0..<file.searches where budget > 0 {
                    guard send() else { break matching }
                }
                next += 1
                matchedThisHour.append(file)
                result[day].matched += 1
                matchedPlays += file.plays
                if fetchAfterMatch {
                    unfetched.append(file.path)
                } else {
                    result[day].stored += 1
                    storedPlays += file.plays
                }
            }
            while !unfetched.isEmpty, budget > 0, now >= parkedUntil {
                guard send() else { break }
                let file = byPath[unfetched.removeFirst()]!
                result[day].stored += 1
                storedPlays += file.plays
            }
            result[day].playsMatched = Double(matchedPlays) / totalPlays
            result[day].playsCovered = Double(storedPlays) / totalPlays
        }
        return result
    }
}
