/// A title taken apart for comparison: the words that name the song, the version markers, the featured artists.
package struct NormalizedTitle: Hashable, Sendable {
    /// Folded words of the title with featured artists, version markers and neutral suffixes removed.
    package var base: String
    /// Markers that make this a different recording of the song (live, remix, …).
    package var versions: Set<RecordingVersion>
    /// Folded names found in "(feat. X)", "[ft. X & Y]", "(with X)" or a trailing "feat. X".
    package var featuredArtists: [String]

    package init(base: String, versions: Set<RecordingVersion> = [], featuredArtists: [String] = []) {
        self.base = base
        self.versions = versions
        self.featuredArtists = featuredArtists
    }
}
