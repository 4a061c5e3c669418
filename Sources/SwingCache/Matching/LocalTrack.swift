import Foundation

/// What the matcher knows of a file in the local library: its tags, as the library reader found them.
package struct LocalTrack: Hashable, Sendable {
    package var title: String
    /// The track's artists, one name each, in tag order: the first is the primary artist.
    package var artists: [String]
    /// Nil, or empty, when the file has no album tag.
    package var album: String?
    /// Whole seconds; nil or 0 when unknown.
    package var durationSeconds: Int?
    /// As written in the file; the matcher normalises it (`MatchNormalizer.isrc(_:)`).
    package var isrc: String?
    /// What MusicBrainz knows of the artists of the file's recording (reached through its ISRC), their aliases and
    /// sort names; not a tag, so not part of the ``fingerprint``.
    package var knownArtists: [KnownArtist]

    package init(
        title: String, artists: [String], album: String? = nil, durationSeconds: Int? = nil, isrc: String? = nil,
        knownArtists: [KnownArtist] = []
    ) {
        self.title = title
        self.artists = artists
        self.album = album
        self.durationSeconds = durationSeconds
        self.isrc = isrc
        self.knownArtists = knownArtists
    }

    /// A short text that changes whenever one of the matcher's inputs changes, and only then.
    ///
    /// A 64-bit FNV-1a hash, in hex, of title, artists, album, duration and normalised ISRC. Unlike a file's
    /// modification time it stays put when a file is touched or re-encoded with the same tags, so a match is
    /// redone only when its inputs moved. The leading `v1:` changes if the inputs the hash covers ever do.
    package var fingerprint: String {
        let separator = "\u{1F}"
        let fields = [
            title, artists.joined(separator: "\u{1E}"), album ?? "", durationSeconds.map(String.init) ?? "",
            isrc.flatMap(MatchNormalizer.isrc) ?? "",
        ]
        return "v1:" + StableHash.hex(fields.joined(separator: separator))
    }
}
