import Foundation

/// What a MusicBrainz recording search found for one library file without an ISRC: the recording taken as the
/// file's, its first ISRC and its genres — or that no recording was the same as the file.
///
/// Kept for the file's tags (its fingerprint): when they change, the file is searched again. The ISRC is the file's
/// MusicBrainz-learned one, beside (never instead of) its own tag; Deezer, the ISRC look-ups and Spotify's exact ISRC
/// search read it where the file has none.
package struct MusicBrainzSearchFact: Hashable, Sendable, Codable {
    package var filepath: String
    /// The file's `LocalTrack.fingerprint` when it was searched.
    package var fingerprint: String
    package var mbid: String?
    package var isrc: String?
    /// Most voted first.
    package var genres: [String]
    package var tags: [String]
    /// MusicBrainz's search score of the recording taken, 0–100.
    package var score: Int?
    /// Set when no recording the search found was the file's.
    package var missing: MissingReason?
    package var fetchedAt: Date
    package var expiresAt: Date

    package init(
        filepath: String, fingerprint: String, mbid: String?, isrc: String?, genres: [String] = [],
        tags: [String] = [], score: Int? = nil, fetchedAt: Date, expiresAt: Date
    ) {
        self.filepath = filepath
        self.fingerprint = fingerprint
        self.mbid = mbid
        self.isrc = isrc
        self.genres = genres
        self.tags = tags
        self.score = score
        self.fetchedAt = fetchedAt
        self.expiresAt = expiresAt
    }

    /// No recording the search found was the file's: remembered until `expiresAt`.
    package static func missing(
        filepath: String, fingerprint: String, fetchedAt: Date, expiresAt: Date
    ) -> MusicBrainzSearchFact {
        var fact = MusicBrainzSearchFact(
            filepath: filepath, fingerprint: fingerprint, mbid: nil, isrc: nil, fetchedAt: fetchedAt,
            expiresAt: expiresAt)
        fact.missing = .notFound
        return fact
    }

    enum CodingKeys: String, CodingKey {
        case filepath, fingerprint, mbid, isrc, genres, tags, score
        case missing = "missingReason"
        case fetchedAt, expiresAt
    }
}
