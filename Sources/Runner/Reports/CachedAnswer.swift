import CacheStore
import Foundation
import SharedTier
import SwingCache

/// One id's answer as `swingcache get` prints it: the entity's columns (not its raw answer) and its freshness.
public struct CachedAnswer: Encodable, Sendable {
    public enum Source: String, Encodable, Sendable {
        /// Fresh in the cache.
        case cache
        /// Fetched by this command.
        case fetched
        /// Expired, but the only answer there is (offline, or the budget is spent).
        case stale
        /// Spotify said the id does not exist.
        case knownMissing = "known_missing"
        /// Nothing stored and nothing fetched.
        case notCached = "not_cached"
    }

    public var id: String
    public var kind: String
    public var source: Source
    public var fetchedAt: Date?
    public var expiresAt: Date?
    public var entity: CatalogEntity?
    /// The cache tier the answer came from: `redis` or `sqlite`; nil when neither had it.
    public var tier: TieredCache.Tier?
    /// The library files matched to this track, with what the providers know of each (tracks only).
    public var library: [EnrichedTrackAnswer] = []
    /// How many refreshes in a row brought the entity back unchanged (change-aware freshness, `ttl_max`).
    public var unchangedRefreshes: Int?

    public init(id: SpotifyID, source: Source, stored: StoredEntity?, tier: TieredCache.Tier? = nil) {
        self.id = id.value
        kind = id.kind.rawValue
        self.source = source
        self.tier = tier
        fetchedAt = stored?.fetchedAt
        expiresAt = stored?.expiresAt
        entity = stored?.entity
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, source, tier, fetchedAt, expiresAt, unchangedRefreshes, entity, library
    }

    enum EntityKeys: String, CodingKey {
        case name, albumID, albumName, artistIDs, artistNames, isrc, durationMs, explicit, popularity, trackNumber
        case discNumber, releaseDate, releaseDatePrecision, imageURL, albumType, totalTracks, upc, label, genres
        case followers
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(tier, forKey: .tier)
        try container.encodeIfPresent(fetchedAt, forKey: .fetchedAt)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(unchangedRefreshes, forKey: .unchangedRefreshes)
        if !library.isEmpty { try container.encode(library, forKey: .library) }
        guard let entity else { return }
        var fields = container.nestedContainer(keyedBy: EntityKeys.self, forKey: .entity)
        // Absent fields are written as null: a reader can tell "Spotify did not send it" from a missing key.
        switch entity {
        case .track(let track):
            try fields.encode(track.name, forKey: .name)
            try fields.encode(track.albumID, forKey: .albumID)
            try fields.encode(track.albumName, forKey: .albumName)
            try fields.encode(track.artistIDs, forKey: .artistIDs)
            try fields.encode(track.artistNames, forKey: .artistNames)
            try fields.encode(track.isrc, forKey: .isrc)
            try fields.encode(track.durationMs, forKey: .durationMs)
            try fields.encode(track.explicit, forKey: .explicit)
            try fields.encode(track.popularity, forKey: .popularity)
            try fields.encode(track.trackNumber, forKey: .trackNumber)
            try fields.encode(track.discNumber, forKey: .discNumber)
            try fields.encode(track.releaseDate, forKey: .releaseDate)
            try fields.encode(track.imageURL, forKey: .imageURL)
        case .album(let album):
            try fields.encode(album.name, forKey: .name)
            try fields.encode(album.albumType, forKey: .albumType)
            try fields.encode(album.artistIDs, forKey: .artistIDs)
            try fields.encode(album.artistNames, forKey: .artistNames)
            try fields.encode(album.releaseDate, forKey: .releaseDate)
            try fields.encode(album.releaseDatePrecision, forKey: .releaseDatePrecision)
            try fields.encode(album.totalTracks, forKey: .totalTracks)
            try fields.encode(album.upc, forKey: .upc)
            try fields.encode(album.label, forKey: .label)
            try fields.encode(album.popularity, forKey: .popularity)
            try fields.encode(album.genres, forKey: .genres)
            try fields.encode(album.imageURL, forKey: .imageURL)
        case .artist(let artist):
            try fields.encode(artist.name, forKey: .name)
            try fields.encode(artist.genres, forKey: .genres)
            try fields.encode(artist.popularity, forKey: .popularity)
            try fields.encode(artist.followers, forKey: .followers)
            try fields.encode(artist.imageURL, forKey: .imageURL)
        }
    }
}
