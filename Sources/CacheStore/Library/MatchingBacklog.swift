/// How many library files need matching, and how many of them have an ISRC, their own or one a MusicBrainz search
/// learned (each may cost a second search).
package struct MatchingBacklog: Hashable, Sendable {
    package var files: Int
    package var withISRC: Int

    package init(files: Int, withISRC: Int) {
        self.files = files
        self.withISRC = withISRC
    }
}
