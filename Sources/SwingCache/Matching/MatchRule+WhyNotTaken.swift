import Foundation

extension MatchRule {
    /// Why the best of `candidates` (best first, as a decision keeps them) was not used for the file titled
    /// `fileTitle`, in a person's words: which part of its score fell short, or which rival stood beside it.
    ///
    /// ```swift
    /// rule.whyNotTaken(outcome: .lowConfidence, candidates: decision.candidates, fileTitle: "Let It Be")
    /// // "1. scores 0.76, under 0.85: its title names another version (title 0.40)"
    /// ```
    package func whyNotTaken(outcome: TrackMatch.Outcome, candidates: [MatchCandidate], fileTitle: String) -> String {
        guard let best = candidates.first else { return "the searches found no candidate" }
        let total = best.score.total
        switch outcome {
        case .ambiguous:
            guard let rival = candidates.dropFirst().first else { break }
            return String(
                format: "1. and 2. are different recordings %.2f apart, under %.2f: which is yours?",
                total - rival.score.total, ambiguityMargin)
        case .lowConfidence where total >= matchThreshold:
            return String(
                format: "1. scores %.2f, but the file names too little to be sure: a placeholder title, artist or"
                    + " album leaves fewer than two real names that agree", total)
        case .lowConfidence:
            return String(format: "1. scores %.2f, under %.2f: ", total, matchThreshold)
                + shortfalls(of: best.score, otherVersion: Self.namesAnotherVersion(best.name, than: fileTitle))
                .joined(separator: "; ")
        default:
            break
        }
        return "not decided by the matcher"
    }

    /// Whether the candidate's title names a version the file's does not, or the other way round.
    private static func namesAnotherVersion(_ candidate: String, than file: String) -> Bool {
        let (candidateTitle, fileTitle) = (MatchNormalizer.title(candidate), MatchNormalizer.title(file))
        return candidateTitle.versions != fileTitle.versions || candidateTitle.withCredits != fileTitle.withCredits
    }

    /// The parts of a score that kept it low, the lowest first.
    private func shortfalls(of score: MatchScore, otherVersion: Bool) -> [String] {
        var parts: [(value: Double, text: String)] = []
        if otherVersion && score.title < 0.99 {
            parts.append((score.title, String(format: "its title names another version (title %.2f)", score.title)))
        } else if score.title < 0.99 {
            parts.append((score.title, String(format: "the titles differ (title %.2f)", score.title)))
        }
        if let artist = score.artist, artist < 0.99 {
            parts.append((artist, String(format: "the artists differ (artist %.2f)", artist)))
        }
        if let duration = score.duration, duration < 1 {
            let text =
                duration == 0
                ? String(format: "the durations are %.0f s or more apart", durationLimit)
                : String(
                    format: "the durations are about %.0f s apart",
                    durationLimit - duration * (durationLimit - durationTolerance))
            parts.append((duration, text))
        }
        if let album = score.album, album < matchThreshold {
            parts.append((album, String(format: "the albums differ (album %.2f)", album)))
        }
        return parts.sorted { $0.value < $1.value }.map(\.text)
    }
}
