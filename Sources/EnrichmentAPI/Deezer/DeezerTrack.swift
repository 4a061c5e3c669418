/// A Deezer track, as far as swingcache keeps it: its id and link, for cross-platform links.
public struct DeezerTrack: Hashable, Sendable {
    public var id: Int
    public var title: String
    /// `https://www.deezer.com/track/{id}`.
    public var link: String
    public var isrc: String?
    public var durationSeconds: Int?

    public init(id: Int, title: String, link: String, isrc: String?, durationSeconds: Int?) {
        self.id = id
        self.title = title
        self.link = link
        self.isrc = isrc
        self.durationSeconds = durationSeconds
    }
}
