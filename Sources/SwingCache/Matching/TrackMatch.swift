/// What ``TrackMatcher`` decided for one local track.
package struct TrackMatch: Hashable, Sendable {
    /// Which rule decided.
    package enum Method: String, Hashable, Sendable {
        /// A candidate's ISRC equals the file's.
        case isrc
        /// The scores of title, artists, album and duration (also when there was nothing to score).
        case search
        /// The scores, with rivals that are the same recording on other releases: the preferred release (the
        /// file's album, then its title as written, then the earliest, then the explicit twin); `runnerUpID` names
        /// another release.
        case release
        /// A person chose it (`swingcache review pin`); kept until the file's tags change.
        case pinned
    }

    package enum Outcome: String, Hashable, Sendable {
        /// Confident: use `spotifyID`.
        case matched
        /// The best candidate scored under the threshold: report it, do not use it.
        case lowConfidence
        /// Two different recordings scored within the margin of each other: report both, use neither.
        case ambiguous
        /// There was nothing to choose from.
        case noCandidates
        /// A person said none of the candidates is this file (`swingcache review reject`); kept until its tags change.
        case rejected
    }

    package var method: Method
    package var outcome: Outcome
    /// The best candidate; nil only for `.noCandidates`.
    package var spotifyID: String?
    /// In 0...1: 1 for an ISRC match, the best score for a search.
    package var confidence: Double
    /// For `.ambiguous`: the rival that came too close; for the method `.release`: another release of the recording.
    package var runnerUpID: String?
    /// The parts of the chosen candidate's score; nil for `.noCandidates`.
    package var score: MatchScore?
    /// The best candidates, best first, each with its score (at most ``TrackMatcher/keptCandidates``), for a person
    /// to review a match that was not used.
    package var candidates: [MatchCandidate]

    package init(
        method: Method, outcome: Outcome, spotifyID: String? = nil, confidence: Double = 0, runnerUpID: String? = nil,
        score: MatchScore? = nil, candidates: [MatchCandidate] = []
    ) {
        self.candidates = candidates
        self.method = method
        self.outcome = outcome
        self.spotifyID = spotifyID
        self.confidence = confidence
        self.runnerUpID = runnerUpID
        self.score = score
    }

    /// Whether `spotifyID` may be stored as this file's match.
    package var isUsable: Bool { outcome == .matched }
}
