import CacheStore
import Foundation
import SwingCache

/// One library file as `get --json`, `explain` and SwingMusic see it: the file, its Spotify match, genres,
/// links and the combined play count, and for every source when it was fetched and until when it is fresh.
public struct EnrichedTrackAnswer: Encodable, Sendable {
    struct Match: Encodable {
        var method: String
        var outcome: String
        var spotifyID: String?
        var confidence: Double
        var runnerUpID: String?
        /// Made for the file's current tags; a match for older tags is shown but not used.
        var current: Bool
        var matchedAt: Date
    }

    struct PlayCounts: Encodable {
        var localPlayCount: Int
        /// Always null: Spotify's public Web API has no play counts.
        var spotifyPlayCount: Int?
        var spotifyPopularity: Int?
        var lastfmPlayCount: Int?
        var lastfmListeners: Int?
        var lastfmUserPlayCount: Int?
        var listenbrainzPlayCount: Int?
        /// Local plays and the user's own Last.fm scrobbles, each play once (``HybridPlayCount/yourPlays``).
        var yourPlays: Int
        var totalCombined: Int
        var terms: [Term]

        enum CodingKeys: String, CodingKey {
            case localPlayCount, spotifyPlayCount, spotifyPopularity, lastfmPlayCount, lastfmListeners
            case lastfmUserPlayCount, listenbrainzPlayCount, yourPlays, totalCombined, terms
        }

        /// Unknown figures are written as null, so a reader can tell "no such figure" from a missing key.
        func encode(to encoder: any Encoder) throws {
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

    struct Term: Encodable {
        var source: String
        var count: Int
        var note: String
    }

    /// How SwingMusic names the file, and the other files of the same song, which show the same plays.
    struct SwingMusicName: Encodable {
        var trackhash: String
        var tagTitle: String
        var tagArtists: String
        var tagAlbum: String
        var songCopies: [String]
    }

    struct Freshness: Encodable {
        var fetchedAt: Date?
        var expiresAt: Date?
        /// `not_found` when the service said it does not know the track.
        var missing: String?
        /// For Spotify with `ttl_max`: refreshes in a row that brought the same content back.
        var unchangedRefreshes: Int?
    }

    var filepath: String
    var title: String
    var artists: [String]
    var album: String?
    var durationSeconds: Int?
    var isrc: String?
    var swingMusic: SwingMusicName?
    var match: Match?
    var genres: [String]
    var tags: [String]
    var links: [String: String]
    var playCounts: PlayCounts
    var sources: [String: Freshness]
    /// The playlists of swingcache's in SwingMusic that hold the song (`swingcache publish`).
    var publishedPlaylists: [String]
    /// The song's plays imported into SwingMusic from listening histories, per SwingMusic user.
    var importedPlays: [String: Int]

    public init(_ track: EnrichedTrack) {
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
        self.sources = sources
    }

    /// Lines for a person: how the file was matched and what is known about it, from where, fresh until when.
    public var explanation: [String] {
        let time = { (date: Date?) in date.map { $0.formatted(.iso8601) } ?? "?" }
        // The title and artists SwingMusic shows, once the file's raw tags are kept beside them.
        let label = swingMusic == nil ? "tags" : "shown"
        var lines = ["\(filepath)", "  \(label): \"\(title)\" by \(artists.joined(separator: ", "))"]
        if let album { lines[1] += " on \"\(album)\"" }
        lines[1] += isrc.map { ", ISRC \($0)" } ?? ", no ISRC"
        if let swingMusic {
            lines.append(
                "  swingmusic: track hash \(swingMusic.trackhash), from the tags \"\(swingMusic.tagTitle)\" by \(swingMusic.tagArtists) on \"\(swingMusic.tagAlbum)\""
            )
            if !swingMusic.songCopies.isEmpty {
                let count = swingMusic.songCopies.count
                lines.append(
                    "  local plays are the song's, shown on each of its \(count + 1) files as SwingMusic shows them; also on: \(swingMusic.songCopies.joined(separator: ", "))"
                )
            }
        }
        if let match, match.method == TrackMatch.Method.pinned.rawValue {
            let decision =
                match.outcome == TrackMatch.Outcome.matched.rawValue
                ? "pinned to Spotify \(match.spotifyID ?? "?")" : "rejected: no Spotify track"
            let use =
                match.current
                ? (match.outcome == "matched" ? "used" : "kept unmatched") : "made for older tags, not used"
            lines.append(
                "  match: \(decision), decided with swingcache review at \(time(match.matchedAt)) (\(use), until the tags change)"
            )
        } else if let match {
            let use =
                match.current ? (match.outcome == "matched" ? "used" : "not used") : "made for older tags, not used"
            lines.append(
                "  match: \(match.outcome) by \(match.method), confidence \(String(format: "%.2f", match.confidence)), Spotify \(match.spotifyID ?? "none") (\(use)), at \(time(match.matchedAt))"
            )
        } else {
            lines.append("  match: not matched yet")
        }
        if !genres.isEmpty { lines.append("  genres: \(genres.joined(separator: ", "))") }
        for (platform, url) in links.sorted(by: { $0.key < $1.key }) { lines.append("  link \(platform): \(url)") }
        let counts = playCounts
        var yours = "  your plays: \(counts.yourPlays) (\(counts.localPlayCount) in SwingMusic"
        if let user = counts.lastfmUserPlayCount { yours += ", \(user) scrobbled to your Last.fm, each play once" }
        lines.append(yours + ")")
        let worldwide = [
            counts.lastfmPlayCount.map {
                "Last.fm \($0)" + (counts.lastfmListeners.map { " by \($0) listeners" } ?? "")
            },
            counts.listenbrainzPlayCount.map { "ListenBrainz \($0)" },
        ].compactMap { $0 }
        lines.append("  plays worldwide: \(worldwide.isEmpty ? "not known yet" : worldwide.joined(separator: ", "))")
        if !importedPlays.isEmpty {
            let users = importedPlays.sorted { $0.key < $1.key }.map { "\($0.value) of \($0.key)'s" }
            lines.append(
                "  imported into SwingMusic: \(users.joined(separator: ", ")) plays, from Last.fm and ListenBrainz (counted there, not in SwingMusic's \(counts.localPlayCount))"
            )
        }
        if !publishedPlaylists.isEmpty {
            lines.append("  in swingcache's playlists: \(publishedPlaylists.joined(separator: ", "))")
        }
        lines.append("  combined play count: \(playCounts.totalCombined), the sum of")
        for term in playCounts.terms { lines.append("    \(term.source): +\(term.count) — \(term.note)") }
        for (source, freshness) in sources.sorted(by: { $0.key < $1.key }) {
            let state = freshness.missing.map { " (the service does not know it: \($0))" } ?? ""
            var until = freshness.expiresAt.map { ", fresh until \(time($0))" } ?? ""
            if let unchanged = freshness.unchangedRefreshes, unchanged > 0, let fetched = freshness.fetchedAt,
                let expires = freshness.expiresAt
            {
                until +=
                    " (unchanged in \(unchanged) \(unchanged == 1 ? "refresh" : "refreshes"): next in \(DurationText.format(expires.timeIntervalSince(fetched))))"
            }
            lines.append("  \(source): fetched \(time(freshness.fetchedAt))\(until)\(state)")
        }
        return lines
    }
}
