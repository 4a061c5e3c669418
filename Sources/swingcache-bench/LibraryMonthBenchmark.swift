import Foundation
import SwingCache
import SwingCacheTestKit

/// A library's first month in Development Mode (issue 24): the week's library and Spotify quota
/// (``LibraryWeekBenchmark``, files most played first, a match stored from its search) over 30 days, with the share
/// of files whose genres are known — before and after MusicBrainz searched the files that have no ISRC.
///
/// Each hourly run matches first, at Spotify's 2 s interval, then asks MusicBrainz at its 1 request a second for what
/// is left of the hour (at most its 3 540 requests an hour for runs). An ISRC costs two requests (the look-up, then
/// the recording's genres), one when MusicBrainz does not know it. **Before:** only ISRCs are asked — a file's tag,
/// or its Spotify match's once matched. **After:** a file with neither is searched by title, artist and duration:
/// one request, and one more for the recording's genres when a hit is the file's. MusicBrainz knows
/// ``musicBrainzShare`` of the files, drawn independently of plays and tags; a file it knows has genres.
struct LibraryMonthBenchmark {
    var week = LibraryWeekBenchmark(days: 30)
    var musicBrainzShare = 0.8
    var musicBrainzPerHour = 3_540
    var spotifyInterval = 2

    func run() {
        let library = week.makeLibrary()
        var generator = SeededGenerator(seed: 2_404)
        let known = Set(
            library.filter { _ in Double.random(in: 0..<1, using: &generator) < musicBrainzShare }.map(\.path))
        print(
            "swingcache-bench: a library's first month, \(week.files) files, \(Int(week.isrcShare * 100)) % with ISRC, Spotify quota \(week.quotaPerDay) per rolling day (unknown to the app), MusicBrainz knows \(known.count) files (\(Int(musicBrainzShare * 100)) %), 1 request a second"
        )
        var before = MusicBrainzQueue(library: library, known: known, searchesFilesWithoutISRC: false)
        var after = MusicBrainzQueue(library: library, known: known, searchesFilesWithoutISRC: true)
        var genres: [(before: Int, after: Int)] = Array(repeating: (0, 0), count: week.days)
        var complete: (before: Int?, after: Int?)
        let days = week.simulate(library, playOrder: true, fetchAfterMatch: false) { hour, matched, requests in
            let seconds = max(0, 3_600 - requests * spotifyInterval)
            let capacity = min(musicBrainzPerHour, seconds)
            before.run(matched: matched, capacity: capacity)
            after.run(matched: matched, capacity: capacity)
            genres[hour / 24] = (before.withGenres, after.withGenres)
            if before.withGenres == known.count, complete.before == nil { complete.before = hour + 1 }
            if after.withGenres == known.count, complete.after == nil { complete.after = hour + 1 }
        }
        print(
            "  day | matched (in all) | requests per newly matched | plays matched | files with genres before → after (of those MusicBrainz knows)"
        )
        var matchedSoFar = 0
        for (index, day) in days.enumerated() {
            matchedSoFar += day.matched
            let ratio = day.matched > 0 ? String(format: "%.2f", Double(day.requests) / Double(day.matched)) : "–"
            func share(_ count: Int) -> String {
                String(
                    format: "%.1f %% (%.1f %%)", Double(count) / Double(week.files) * 100,
                    Double(count) / Double(known.count) * 100)
            }
            print(
                "  \(String(format: "%3d", index + 1)) | \(day.matched) (\(matchedSoFar)) | \(ratio) | \(String(format: "%.1f", day.playsMatched * 100)) % | \(share(genres[index].before)) → \(share(genres[index].after))"
            )
        }
        func hours(_ count: Int?) -> String {
            count.map { "within \($0) hours (day \(($0 + 23) / 24))" } ?? "not within the month"
        }
        print(
            "  every file MusicBrainz knows has its genres, before: \(hours(complete.before)); after: \(hours(complete.after))"
        )
        printBounds(library, days: days)
    }

    /// What bounds the two matching goals, beside the figures: the share of plays the files day 1 can match hold at
    /// best, and the day the whole library is matched with plans keeping `quotaSafetyShare` of the learned ceiling
    /// and with all of it.
    func printBounds(_ library: [LibraryWeekBenchmark.File], days: [LibraryWeekBenchmark.Day]) {
        let requestsPerFile = Double(library.reduce(0) { $0 + $1.searches }) / Double(library.count)
        let reachable = Int(Double(week.quotaPerDay) / requestsPerFile)
        let plays = library.map(\.plays).sorted(by: >)
        let best = Double(plays.prefix(reachable).reduce(0, +)) / Double(plays.reduce(0, +))
        print(
            "  after day 1, \(String(format: "%.1f", (days.first?.playsMatched ?? 0) * 100)) % of plays matched (goal 80 %); the best any order can do: the top \(reachable) files, the most day 1's \(week.quotaPerDay) requests match at \(String(format: "%.2f", requestsPerFile)) requests a file, hold \(String(format: "%.1f", best * 100)) % of the plays"
        )
        var whole = week
        whole.quotaSafetyShare = 1
        let withAll = whole.simulate(library, playOrder: true, fetchAfterMatch: false)
        func finished(_ days: [LibraryWeekBenchmark.Day]) -> String {
            var matched = 0
            for (index, day) in days.enumerated() {
                matched += day.matched
                if matched >= library.count { return "day \(index + 1)" }
            }
            return "not within \(days.count) days"
        }
        let share = Int((week.quotaSafetyShare * 100).rounded())
        print(
            "  every file matched (goal: by day 21): \(finished(days)) with plans keeping \(share) % of the learned ceiling (`quota_safety`, the default, for the other apps sharing the quota), \(finished(withAll)) with 100 %; at \(week.quotaPerDay) requests a day the library's \(String(format: "%.0f", requestsPerFile * Double(library.count))) searches take \(String(format: "%.1f", requestsPerFile * Double(library.count) / Double(week.quotaPerDay))) days"
        )
    }

    /// The MusicBrainz keys of one variant, asked in order as each hour's capacity allows: ISRCs first, then
    /// searches.
    struct MusicBrainzQueue {
        let known: Set<String>
        var isrcs: [LibraryWeekBenchmark.File]
        var searches: [LibraryWeekBenchmark.File]
        var done: Set<String> = []
        var withGenres = 0

        init(library: [LibraryWeekBenchmark.File], known: Set<String>, searchesFilesWithoutISRC: Bool) {
            self.known = known
            isrcs = library.filter(\.hasISRC)
            searches = searchesFilesWithoutISRC ? library.filter { !$0.hasISRC } : []
        }

        /// One hour's run: the files Spotify matched give their match's ISRC, then MusicBrainz asks what fits in
        /// `capacity`.
        mutating func run(matched: [LibraryWeekBenchmark.File], capacity: Int) {
            let newISRCs = matched.filter { !$0.hasISRC && !done.contains($0.path) }
            if !newISRCs.isEmpty {
                let paths = Set(newISRCs.map(\.path))
                searches.removeAll { paths.contains($0.path) }
                isrcs += newISRCs
            }
            var left = capacity
            while left > 0, let file = isrcs.first ?? searches.first {
                let isKnown = known.contains(file.path)
                let cost = isKnown ? 2 : 1
                guard cost <= left else { break }
                left -= cost
                if isrcs.isEmpty { searches.removeFirst() } else { isrcs.removeFirst() }
                if done.insert(file.path).inserted, isKnown { withGenres += 1 }
            }
        }
    }
}
