/// A MusicBrainz recording. From an ISRC look-up only `mbid`, `title` and `lengthMs` are filled; a recording
/// look-up fills every field it has.
public struct MusicBrainzRecording: Hashable, Sendable {
    public var mbid: String
    public var title: String
    public var lengthMs: Int?
    /// Genres with their vote counts.
    public var genres: [MusicBrainzTag]
    /// Folksonomy tags with their vote counts (genres are among them).
    public var tags: [MusicBrainzTag]
    public var isrcs: [String]
    /// URL relations: streaming, purchase and other links.
    public var links: [MusicBrainzLink]

    public init(
        mbid: String, title: String, lengthMs: Int? = nil, genres: [MusicBrainzTag] = [], tags: [MusicBrainzTag] = [],
        isrcs: [String] = [], links: [MusicBrainzLink] = []
    ) {
        self.mbid = mbid
        self.title = title
        self.lengthMs = lengthMs
        self.genres = genres
        self.tags = tags
        self.isrcs = isrcs
        self.links = links
    }
}

/// A genre or tag and how many editors voted for it.
public struct MusicBrainzTag: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// A URL relation of a recording: `free streaming` → `https://open.spotify.com/track/…`.
public struct MusicBrainzLink: Hashable, Sendable {
    /// The relation type: `free streaming`, `streaming`, `purchase for download`, …
    public var type: String
    public var url: String

    public init(type: String, url: String) {
        self.type = type
        self.url = url
    }
}
