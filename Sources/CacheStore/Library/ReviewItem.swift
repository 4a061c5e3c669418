import SwingCache

/// A library file whose current match is not used (low confidence, ambiguous, no candidates), with what the
/// matcher weighed, for a person to decide.
package struct ReviewItem: Hashable, Sendable, Codable {
    package var filepath: String
    package var title: String
    package var artists: [String]
    package var album: String?
    package var isrc: String?
    /// `lowConfidence`, `ambiguous` or `noCandidates`.
    package var outcome: String
    package var confidence: Double
    /// Best first, each with its score part by part.
    package var candidates: [MatchCandidate]
}
