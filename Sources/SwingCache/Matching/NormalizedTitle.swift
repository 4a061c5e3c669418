/// A title taken apart for comparison: the words that name the song, the version markers, the featured artists.
package struct NormalizedTitle: Hashable, Sendable {
    /// Folded words of the title with featured artists, version markers and neutral suffixes removed.
    package var base: String
    /// Markers that make this a different recording of the song (live, remix, …).
    package var versions: Set<RecordingVersion>
    /// Folded names found in "(feat. X)", "[ft. X & Y]" or a trailing "feat. X".
    package var featuredArtists: [String]
    /// What follows "with" in "(with X)" or "- With X", folded: a credit when X is an artist on either side of a
    /// comparison ("Perfect Duet (with Beyoncé)"), else another take ("Wouldn't It Be Nice - With Long-Lost Guitars").
    package var withCredits: [String]

    package init(
        base: String, versions: Set<RecordingVersion> = [], featuredArtists: [String] = [], withCredits: [String] = []
    ) {
        self.base = base
        self.versions = versions
        self.featuredArtists = featuredArtists
        self.withCredits = withCredits
    }
}
