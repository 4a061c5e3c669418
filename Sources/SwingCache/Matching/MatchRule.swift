import Foundation

/// The thresholds ``TrackMatcher`` decides by. The defaults are the ones docs/matching.md explains.
package struct MatchRule: Hashable, Sendable {
    /// A search candidate is used only from this score up. Default 0.85.
    package var matchThreshold: Double
    /// A rival this close to the best score (and not the same recording by ISRC) makes the answer ambiguous.
    /// Default 0.03.
    package var ambiguityMargin: Double
    /// Durations this many seconds apart or closer get full marks. Default 3.
    package var durationTolerance: Double
    /// Durations this many seconds apart or more get none; in between, marks fall linearly. Default 10.
    package var durationLimit: Double
    /// The title score is multiplied by this when the two titles name different versions (live against studio,
    /// remix against original). Default 0.4.
    package var versionMismatchFactor: Double

    /// How much each part weighs in the score. A part one side has no data for (no album tag, no duration)
    /// is left out and the others share its weight.
    package static let titleWeight = 0.40
    package static let artistWeight = 0.30
    package static let durationWeight = 0.20
    package static let albumWeight = 0.10

    package init(
        matchThreshold: Double = 0.85, ambiguityMargin: Double = 0.03, durationTolerance: Double = 3,
        durationLimit: Double = 10, versionMismatchFactor: Double = 0.4
    ) {
        self.matchThreshold = matchThreshold
        self.ambiguityMargin = ambiguityMargin
        self.durationTolerance = durationTolerance
        self.durationLimit = durationLimit
        self.versionMismatchFactor = versionMismatchFactor
    }

    /// Marks for two durations `gap` seconds apart: 1 within the tolerance, 0 from the limit on.
    package func durationScore(gap: Double) -> Double {
        let gap = abs(gap)
        if gap <= durationTolerance { return 1 }
        if gap >= durationLimit { return 0 }
        return (durationLimit - gap) / (durationLimit - durationTolerance)
    }
}
