import Foundation
import SwingCache

/// Runs ``TrackMatcher`` over ``MatchingCorpus`` the way a run searches (the ISRC first, then artist and title) and
/// counts what it got right.
package struct MatchingBenchmark: Sendable {
    package var matcher = TrackMatcher()

    package init(matcher: TrackMatcher = TrackMatcher()) {
        self.matcher = matcher
    }

    /// A matched file whose match is not the right track.
    package struct WrongMatch: Sendable {
        package var label: String
        package var chosen: String
        package var truth: String?
        package var method: TrackMatch.Method
        package var confidence: Double
    }

    package struct Report: Sendable {
        package var files = 0
        /// Files that have a right candidate among the answers.
        package var matchable = 0
        package var matched = 0
        package var correct = 0
        package var requests = 0
        package var wrong: [WrongMatch] = []
        /// Labels of matchable files left unmatched, and whether the right track was first for review.
        package var missed: [(label: String, rightTrackFirst: Bool)] = []

        package var precision: Double { matched == 0 ? 1 : Double(correct) / Double(matched) }
        package var recall: Double { matchable == 0 ? 1 : Double(correct) / Double(matchable) }
        package var requestsPerFile: Double { files == 0 ? 0 : Double(requests) / Double(files) }

        /// The figures and each mistake, one line each.
        package var lines: [String] {
            var lines = [
                String(
                    format: "%d files (%d with a right candidate): precision %.3f (%d wrong in %d matched), "
                        + "recall %.3f, %.2f requests per file", files, matchable, precision, wrong.count, matched,
                    recall, requestsPerFile)
            ]
            lines += wrong.map {
                String(
                    format: "  wrong: %@ -> %@ by %@ (%.2f), right: %@", $0.label, $0.chosen, $0.method.rawValue,
                    $0.confidence, $0.truth ?? "none")
            }
            lines += missed.map { "  missed: \($0.label)\($0.rightTrackFirst ? " (first for review)" : "")" }
            return lines
        }
    }

    /// The decision for one case, and how many searches it took.
    package func decide(_ sample: MatchingCase) -> (TrackMatch, requests: Int) {
        var carried: [Track] = []
        var requests = 0
        if sample.file.isrc != nil {
            requests += 1
            if !sample.isrcAnswer.isEmpty {
                let decision = matcher.match(sample.file, candidates: sample.isrcAnswer)
                if !matcher.needsTextSearch(after: decision) { return (decision, requests) }
                carried = sample.isrcAnswer
            }
        }
        requests += 1
        return (matcher.match(sample.file, candidates: carried + sample.textAnswer), requests)
    }

    package func run(_ cases: [MatchingCase] = MatchingCorpus.cases) -> Report {
        var report = Report()
        for sample in cases {
            let (decision, requests) = decide(sample)
            report.files += 1
            report.requests += requests
            if sample.truth != nil { report.matchable += 1 }
            if decision.isUsable, let chosen = decision.spotifyID {
                report.matched += 1
                if chosen == sample.truth {
                    report.correct += 1
                } else {
                    report.wrong.append(
                        WrongMatch(
                            label: sample.label, chosen: chosen, truth: sample.truth, method: decision.method,
                            confidence: decision.confidence))
                }
            } else if let truth = sample.truth {
                report.missed.append((sample.label, decision.candidates.first?.spotifyID == truth))
            }
        }
        return report
    }
}
