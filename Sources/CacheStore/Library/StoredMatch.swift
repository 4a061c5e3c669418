/// What the cache holds of a library file's match, for a plan.
package struct StoredMatch: Hashable, Sendable {
    /// The file's fingerprint when it was matched.
    package var fingerprint: String
    /// The ISRC of the Spotify track it matched, when it matched one the cache holds.
    package var isrc: String?

    package init(fingerprint: String, isrc: String? = nil) {
        self.fingerprint = fingerprint
        self.isrc = isrc
    }
}
