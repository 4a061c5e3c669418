import CacheStore
import Foundation
import SwingCache

/// One library file as `get --json`, `explain` and SwingMusic see it: the file, its Spotify match, genres,
/// links and the combined play count, and for every source when it was fetched and until when it is fresh.
package struct EnrichedTrackAnswer: Encodable, Sendable {
    package struct Match: Encodable {
        package var method: String
        package var outcome: String
        package var spotifyID: String?
        package var confidence: Double
        /// The rival of an ambiguous match; for the method `release`, another release of the same recording.
        package var runnerUpID: String?
        /// Made for the file's current tags; a match for older tags is shown but not used.
        package var current: Bool
        package var matchedAt: Date
    }

    package struct PlayCounts: Encodable {
        package var localPlayCount: Int
        /// Always null: Spotify's public Web API has no play counts.
        package var spotifyPlayCount: Int?
        package var spotifyPopularity: Int?
        package var lastfmPlayCount: Int?
        package var lastfmListeners: Int?
        package var lastfmUserPlayCount: Int?
        package var listenbrainzPlayCount: Int?
        /// Local plays and the user's own Last.fm scrobbles, each play once (``HybridPlayCount/yourPlays``).
        package var yourPlays: Int
        package var totalCombined: Int
        package var terms: [Term]

        enum CodingKeys: String, CodingKey {
            case localPlayCount, spotifyPlayCount, spotifyPopularity, lastfmPlayCount, lastfmListeners
            case lastfmUserPlayCount, listenbrainzPlayCount, yourPlays, totalCombined, terms
        }

        /// Unknown figures are written as null, so a reader can tell "no such figure" from a missing key.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(localPlayCount, forKey: .localPlayCount)
            try container.encode(yourPlays, forKey: .yourPlays)
            try container.encode(spotifyPlayCount, forKey: .spotifyPlayCount)
            try container.encode(spotifyPopularity, forKey: .spotifyPopularity)
            try container.encode(lastfmPlayCount, forKey: .lastfmPlayCount)
            try container.encode(lastfmListeners, forKey: .lastfmListeners)
            try container.encode(lastfmUserPlayCount, forKey: .lastfmUserPlayCount)
            try container.encode(listenbrainzPlayCount, forKey: .listenbrainzPlayCount)
            try container.encode(totalCombined, forKey: .totalCombined)
            try container.encode(terms, forKey: .terms)
        }
    }

    package struct Term: Encodable {
        package var source: String
        package var count: Int
        package var note: String
    }

    /// How SwingMusic names the file, and the other files of the same song, which show the same plays.
    package struct SwingMusicName: Encodable {
        package var trackhash: String
        package var tagTitle: String
        package var tagArtists: String
        package var tagAlbum: String
        package var songCopies: [String]
    }

    package struct Freshness: Encodable {
        package var fetchedAt: Date?
        package var expiresAt: Date?
        /// `not_found` when the service said it does not know the track.
        package var missing: String?
        /// For Spotify with `ttl_max`: refreshes in a row that brought the same content back.
        package var unchangedRefreshes: Int?
    }

    package var filepath: String
    package var title: String
    package var artists: [String]
    package var album: String?
    package var durationSeconds: Int?
    package var isrc: String?
    package var swingMusic: SwingMusicName?
    package var match: Match?
    package var genres: [String]
    package var tags: [String]
    package var links: [String: String]
    package var playCounts: PlayCounts
    package var popularity: Popularity
    package var sources: [String: Freshness]
    /// The providers' own figures for the ISRC, by table then figure (`deezer_track`: `rank`, `bpm`, `gain`), null
    /// where the provider gave none; nil when the store has none.
    package var facts: [String: [String: JSONValue]]?
    /// The playlists of swingcache's in SwingMusic that hold the song (`swingcache publish`).
    package var publishedPlaylists: [String]
    /// The song's plays imported into SwingMusic from listening histories, per SwingMusic user.
    package var importedPlays: [String: Int]

    package init(_ track: EnrichedTrack) {
        let file = track.library
        filepath = file.filepath
        title = file.title
        artists = file.artists
        album = file.album
        durationSeconds = file.durationSeconds
        isrc = track.isrc
        publishedPlaylists = track.publishedPlaylists
        importedPlays = track.importedPlays
        swingMusic = file.swingMusic.map {
            SwingMusicName(
                trackhash: $0.trackhash, tagTitle: $0.tagTitle, tagArtists: $0.tagArtists, tagAlbum: $0.tagAlbum,
                songCopies: track.songCopies)
        }
        match = track.match.map {
            Match(
                method: $0.match.method.rawValue, outcome: $0.match.outcome.rawValue, spotifyID: $0.match.spotifyID,
                confidence: $0.match.confidence, runnerUpID: $0.match.runnerUpID, current: track.matchIsForCurrentTags,
                matchedAt: $0.matchedAt)
        }
        genres = track.musicbrainz?.genres ?? []
        tags = track.musicbrainz?.tags ?? track.lastfm?.tags ?? []
        links = [:]
        for link in track.links { if let url = link.url { links[link.platform] = url } }
        let counts = track.playCount
        playCounts = PlayCounts(
            localPlayCount: counts.localPlayCount, spotifyPlayCount: counts.spotifyPlayCount,
            spotifyPopularity: counts.spotifyPopularity, lastfmPlayCount: counts.lastfmPlayCount,
            lastfmListeners: track.lastfm?.listeners, lastfmUserPlayCount: counts.lastfmUserPlayCount,
            listenbrainzPlayCount: counts.listenbrainzPlayCount, yourPlays: counts.yourPlays,
            totalCombined: counts.total,
            terms: counts.terms.map { Term(source: $0.source.rawValue, count: $0.count, note: $0.note) })
        popularity = Popularity(track.popularity)
        var sources: [String: Freshness] = ["local": Freshness(fetchedAt: track.seenAt)]
        if let spotify = track.spotify {
            sources["spotify"] = Freshness(
                fetchedAt: spotify.fetchedAt, expiresAt: spotify.expiresAt,
                unchangedRefreshes: track.spotifyUnchangedRefreshes)
        }
        if let lastfm = track.lastfm {
            sources["lastfm"] = Freshness(
                fetchedAt: lastfm.fetchedAt, expiresAt: lastfm.expiresAt, missing: lastfm.missing?.rawValue)
        }
        if let musicbrainz = track.musicbrainz {
            sources["musicbrainz"] = Freshness(
                fetchedAt: musicbrainz.fetchedAt, expiresAt: musicbrainz.expiresAt,
                missing: musicbrainz.missing?.rawValue)
        }
        if let newest = track.listenbrainz.max(by: { $0.fetchedAt < $1.fetchedAt }) {
            sources["listenbrainz"] = Freshness(fetchedAt: newest.fetchedAt, expiresAt: newest.expiresAt)
        }
        if let newest = track.links.max(by: { $0.fetchedAt < $1.fetchedAt }) {
            sources["links"] = Freshness(fetchedAt: newest.fetchedAt, expiresAt: newest.expiresAt)
        }
        var facts: [String: [String: JSONValue]] = [:]
        for fact in track.isrcFacts {
            sources[fact.table.source] = Freshness(
                fetchedAt: fact.fetchedAt, expiresAt: fact.expiresAt, missing: fact.missing?.rawValue)
            facts[fact.table.name] = Dictionary(uniqueKeysWithValues: fact.orderedFigures)
        }
        self.facts = facts.isEmpty ? nil : facts
        self.sources = sources
    }
}
