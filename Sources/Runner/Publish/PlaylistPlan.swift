import CacheStore
import Foundation
import SwingCache

/// One playlist as swingcache wants it in SwingMusic: what it is, its songs in order, and what its description says.
package struct DesiredPlaylist: Hashable, Sendable, Codable {
    /// Which of swingcache's playlists it is, as its marker says: `most_played`, `genres:shoegaze`.
    package var key: String
    package var name: String
    package var description: String
    /// Its songs, in order, by SwingMusic's runtime hash; each song once, whatever its copies.
    package var trackhashes: [String]
}

/// Turns the library's enrichment into the playlists a job's `publish.playlists` asks for.
///
/// ```swift
/// let playlists = PlaylistPlan.playlists(for: rules, from: try await store.publish.publishableTracks(), madeAt: now)
/// ```
package enum PlaylistPlan {
    /// Every playlist `rules` ask for that has at least one song, in the rules' order (genres by name).
    package static func playlists(for rules: [PlaylistRule], from tracks: [PublishableTrack], madeAt now: Date)
        -> [DesiredPlaylist]
    {
        let day = now.formatted(Date.ISO8601FormatStyle().year().month().day())
        return rules.flatMap { rule -> [DesiredPlaylist] in
            switch rule.kind {
            case .genres: genrePlaylists(rule, tracks, day: day)
            case .mostPlayed:
                ranked(
                    rule, tracks, day: day, by: { $0.playCount.yourPlays },
                    what: "The songs you played most: SwingMusic's plays and your own Last.fm scrobbles, each play once"
                )
            case .mostListened:
                ranked(
                    rule, tracks, day: day,
                    by: { $0.playCount.lastfmContribution + $0.playCount.listenbrainzContribution },
                    what: "The songs of your library played most worldwide, by Last.fm's and ListenBrainz's counts")
            case .popularity:
                ranked(
                    rule, tracks, day: day, by: { $0.popularity.ranking ?? 0 },
                    what:
                        "The songs of your library most popular now: Spotify's popularity index (0–100) where it gives"
                        + " one, else the library popularity (Deezer, Last.fm and ListenBrainz percentiles, 0–100)")
            }
        }
    }

    /// The key a playlist's marker carries.
    static func key(_ kind: PlaylistRule.Kind, genre: String? = nil) -> String {
        genre.map { "\(kind.rawValue):\($0)" } ?? kind.rawValue
    }

    private static func genrePlaylists(_ rule: PlaylistRule, _ tracks: [PublishableTrack], day: String)
        -> [DesiredPlaylist]
    {
        var songsByGenre: [String: [String]] = [:]
        var seen: Set<String> = []
        for track in tracks {
            for genre in Set(track.genres.map { $0.lowercased() })
            where seen.insert("\(genre)\n\(track.trackhash)").inserted {
                songsByGenre[genre, default: []].append(track.trackhash)
            }
        }
        return songsByGenre.filter { $0.value.count >= rule.minTracks }.sorted { $0.key < $1.key }.map {
            genre, trackhashes in
            DesiredPlaylist(
                key: key(.genres, genre: genre), name: rule.name + genre,
                description:
                    "Songs of your library MusicBrainz files under \(genre). Made by swingcache on \(day); it keeps this playlist up to date.",
                trackhashes: trackhashes)
        }
    }

    private static func ranked(
        _ rule: PlaylistRule, _ tracks: [PublishableTrack], day: String, by figure: (PublishableTrack) -> Int,
        what: String
    ) -> [DesiredPlaylist] {
        var best: [String: (figure: Int, filepath: String)] = [:]
        for track in tracks {
            let value = figure(track)
            guard value > 0 else { continue }
            if let known = best[track.trackhash], known.figure >= value { continue }
            best[track.trackhash] = (value, track.filepath)
        }
        let order = best.sorted {
            ($0.value.figure, $1.value.filepath) > ($1.value.figure, $0.value.filepath)
        }
        let trackhashes = order.prefix(rule.size).map(\.key)
        guard !trackhashes.isEmpty else { return [] }
        return [
            DesiredPlaylist(
                key: key(rule.kind), name: rule.name,
                description:
                    "\(what). The top \(rule.size), made by swingcache on \(day); it keeps this playlist up to date.",
                trackhashes: trackhashes)
        ]
    }
}
