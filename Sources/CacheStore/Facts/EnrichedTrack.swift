import Foundation
import SwingCache

/// Everything the store knows of one library file, each fact with its source and its fetched and expiry times.
package struct EnrichedTrack: Hashable, Sendable {
    /// The file as last read from SwingMusic.
    package var library: LibraryTrackRecord
    /// When the file was last read from SwingMusic: the time of the local play count.
    package var seenAt: Date
    /// The matcher's last decision for the file, current or not.
    package var match: TrackMatchRecord?
    /// The Spotify track, when the match is usable and made for the file's current fingerprint.
    package var spotify: StoredEntity?
    /// Last.fm's answer for the file's ``LibraryTrackRecord/lastfmKey``, found or known-missing.
    package var lastfm: LastfmTrackFact?
    /// MusicBrainz's answer for the ISRC (the file's, else the Spotify track's, else the MusicBrainz-learned one).
    package var musicbrainz: MusicBrainzRecordingFact?
    /// ListenBrainz's popularity of each of the ISRC's recordings the store has.
    package var listenbrainz: [ListenBrainzPopularityFact]
    /// Every platform's link for the ISRC, by platform.
    package var links: [TrackLinkFact]
    /// The providers' own facts for the ISRC (``ISRCFactTable/registered``), in the order of their tables.
    package var isrcFacts: [ISRCFact] = []
    /// The combined play count, computed by the rule `swingcache_play_counts` implements.
    package var playCount: HybridPlayCount
    /// Spotify's popularity and the library popularity (`swingcache_library_popularity`), with its figures.
    package var popularity = SongPopularity()
    /// The other files of the same song (the same SwingMusic runtime hash), by path: SwingMusic shows the song's
    /// plays on each of them, and so does the store.
    package var songCopies: [String] = []
    /// How many refreshes in a row brought the Spotify track back unchanged (change-aware freshness, `ttl_max`).
    package var spotifyUnchangedRefreshes: Int?
    /// The ISRC a MusicBrainz search found for a file with neither its own nor a match's.
    package var musicBrainzLearnedISRC: String?
    /// The playlists `swingcache publish` keeps in SwingMusic that hold the song, by name.
    package var publishedPlaylists: [String] = []
    /// The song's plays `swingcache publish` imported into SwingMusic from Last.fm and ListenBrainz, per user.
    package var importedPlays: [String: Int] = [:]

    /// Whether ``match`` was made for the file's current tags, whatever its outcome.
    package var matchIsForCurrentTags: Bool {
        match.map { $0.fingerprint == library.fingerprint } ?? false
    }

    /// Whether ``match`` was made for the file's current tags and may be used.
    package var matchIsCurrent: Bool {
        match.map { $0.fingerprint == library.fingerprint && $0.match.isUsable } ?? false
    }

    /// The ISRC facts are looked up by: the file's, else the matched Spotify track's, else the one a MusicBrainz
    /// search learned.
    package var isrc: String? {
        if let isrc = library.isrc { return isrc }
        if case .track(let track) = spotify?.entity, let isrc = track.isrc { return isrc }
        return musicBrainzLearnedISRC
    }
}
