/// A Deezer track, as far as swingcache keeps it: its id and link, for cross-platform links.
package struct DeezerTrack: Hashable, Sendable {
    package var id: Int
    package var title: String
    /// `https://www.deezer.com/track/{id}`.
    package var link: String
    package var isrc: String?
    package var durationSeconds: Int?

    package init(id: Int, title: String, link: String, isrc: String?, durationSeconds: Int?) {
        self.id = id
        self.title = title
        self.link = link
        self.isrc = isrc
        self.durationSeconds = durationSeconds
    }
}
