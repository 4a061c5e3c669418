/// The kinds of Spotify catalog entity swingcache keeps.
package enum EntityKind: String, CaseIterable, Codable, Sendable, Comparable {
    case track
    case album
    case artist

    /// The plural spelling used by job specs and the Web API's paths (`tracks`, `albums`, `artists`).
    package var plural: String { rawValue + "s" }

    /// How many ids one batch request of this kind may carry.
    package var batchLimit: Int {
        switch self {
        case .track: 50
        case .album: 20
        case .artist: 50
        }
    }

    package static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
