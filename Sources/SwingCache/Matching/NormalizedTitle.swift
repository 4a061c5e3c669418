/// A title taken apart for comparison: the words that name the song, the version markers, the featured artists.
public struct NormalizedTitle: Hashable, Sendable {
    /// Folded words of the title with featured artists, version markers and neutral suffixes removed.
    public var base: String
    /// Markers that make this a different recording of the song (live, remix, …).
    public var versions: Set<RecordingVersion>
    /// Folded names found in "(feat. X)", "[ft. X & Y]", "(with X)" or a trailing "feat. X".
    public var featuredArtists: [String]

    public init(base: String, versions: Set<RecordingVersion> = [], featuredArtists: [String] = []) {
        self.base = base
        self.versions = versions
        self.featuredArtists = featuredArtists
    }
}
