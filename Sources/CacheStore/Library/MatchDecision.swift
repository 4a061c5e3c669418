import Foundation

/// What a person decided for a file (`swingcache review pin|reject`), for the tags it was made for.
package struct MatchDecision: Hashable, Sendable, Codable {
    package enum Kind: String, Hashable, Sendable, Codable {
        case pinned
        case rejected
    }

    package var kind: Kind
    package var spotifyID: String?
    package var decidedAt: Date
    /// Whether the file's tags are still those the decision was made for; a decision for older tags is not used.
    package var current: Bool
}
