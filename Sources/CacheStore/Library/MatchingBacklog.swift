/// How many library files need matching, and how many of them have an ISRC (each may cost a second search).
package struct MatchingBacklog: Hashable, Sendable {
    package var files: Int
    package var withISRC: Int

    package init(files: Int, withISRC: Int) {
        self.files = files
        self.withISRC = withISRC
    }
}
