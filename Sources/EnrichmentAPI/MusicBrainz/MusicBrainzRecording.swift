import SwingCache

/// A MusicBrainz recording. From an ISRC look-up only `mbid`, `title` and `lengthMs` are filled; a recording
/// look-up fills every field it has.
package struct MusicBrainzRecording: Hashable, Sendable {
    package var mbid: String
    package var title: String
    package var lengthMs: Int?
    /// Genres with their vote counts.
    package var genres: [MusicBrainzTag]
    /// Folksonomy tags with their vote counts (genres are among them).
    package var tags: [MusicBrainzTag]
    package var isrcs: [String]
    /// URL relations: streaming, purchase and other links.
    package var links: [MusicBrainzLink]
    /// The credited artists with their sort names and aliases in every script.
    package var artists: [KnownArtist]

    package init(
        mbid: String, title: String, lengthMs: Int? = nil, genres: [MusicBrainzTag] = [], tags: [MusicBrainzTag] = [],
        isrcs: [String] = [], links: [MusicBrainzLink] = [], artists: [KnownArtist] = []
    ) {
        self.mbid = mbid
        self.title = title
        self.lengthMs = lengthMs
        self.genres = genres
        self.tags = tags
        self.isrcs = isrcs
        self.links = links
        self.artists = artists
    }
}

/// A genre or tag and how many editors voted for it.
package struct MusicBrainzTag: Hashable, Sendable {
    package var name: String
    package var count: Int

    package init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// A URL relation of a recording: `free streaming` → `https://open.spotify.com/track/…`.
package struct MusicBrainzLink: Hashable, Sendable {
    /// The relation type: `free streaming`, `streaming`, `purchase for download`, …
    package var type: String
    package var url: String

    package init(type: String, url: String) {
        self.type = type
        self.url = url
    }
}
