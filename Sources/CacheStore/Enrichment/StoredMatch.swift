/// What the cache holds of a library file's match, for a plan.
public struct StoredMatch: Hashable, Sendable {
    /// The file's fingerprint when it was matched.
    public var fingerprint: String
    /// The ISRC of the Spotify track it matched, when it matched one the cache holds.
    public var isrc: String?

    public init(fingerprint: String, isrc: String? = nil) {
        self.fingerprint = fingerprint
        self.isrc = isrc
    }
}
