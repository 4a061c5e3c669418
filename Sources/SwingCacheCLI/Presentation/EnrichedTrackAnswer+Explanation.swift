import Foundation
import Runner
import SwingCache

extension EnrichedTrackAnswer {
    /// Lines for a person: how the file was matched and what is known about it, from where, fresh until when.
    var explanation: [String] {
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
            if match.method == TrackMatch.Method.release.rawValue, let other = match.runnerUpID {
                lines.append(
                    "    one recording on several releases (also Spotify \(other)): this one is preferred as on your album, then titled as your file, then the earliest, then explicit"
                )
            }
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
        lines.append("  popularity: \(popularityText)")
        for (table, figures) in (facts ?? [:]).sorted(by: { $0.key < $1.key }) {
            let known = figures.sorted { $0.key < $1.key }.compactMap { name, value in
                Self.text(value).map { "\(name) \($0)" }
            }
            if !known.isEmpty {
                lines.append("  \(table.replacingOccurrences(of: "_", with: " ")): \(known.joined(separator: ", "))")
            }
        }
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

    /// Spotify's popularity beside the library popularity and each figure it blends, with the figure's percentile.
    private var popularityText: String {
        let spotify = popularity.spotify.map { "Spotify \($0)" } ?? "Spotify not provided"
        guard let library = popularity.library else {
            return spotify + ", library not known yet (no Deezer rank, Last.fm listeners or ListenBrainz listens)"
        }
        let figures = popularity.figures.map { figure in
            let what =
                switch figure.source {
                case "deezer": "Deezer rank \(figure.figure)"
                case "lastfm": "Last.fm \(figure.figure) listeners"
                default: "ListenBrainz \(figure.figure) listens"
                }
            return "\(what) at percentile \(String(format: "%g", figure.percentile))"
        }
        return spotify + ", library \(library): the mean of " + figures.joined(separator: ", ")
            + " among the library's songs"
    }

    /// A provider's figure as `explain` writes it: whole numbers without a fraction; nil for none.
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .int(let number): "\(number)"
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: "\(Int(number))"
        case .double(let number): "\(number)"
        case .string(let text): text
        case .bool(let flag): "\(flag)"
        case .null, .array, .object, .orderedObject, .serialized: nil
        }
    }
}
