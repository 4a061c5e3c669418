import Foundation
import Runner
import SwingCache

extension CachedAnswer {
    /// One line for a person.
    var text: String {
        let head = "\(kind) \(id)"
        guard let entity else {
            return source == .knownMissing ? "\(head): Spotify says it does not exist" : "\(head): not cached"
        }
        var description: String
        switch entity {
        case .track(let track):
            description = "\"\(track.name)\" by \(track.artistNames.joined(separator: ", "))"
            if let album = track.albumName { description += " on \"\(album)\"" }
            if let isrc = track.isrc { description += ", ISRC \(isrc)" }
            if let duration = track.durationMs {
                description += ", \(duration / 60_000):\(String(format: "%02d", duration / 1000 % 60))"
            }
        case .album(let album):
            description = "\"\(album.name)\" by \(album.artistNames.joined(separator: ", "))"
            if let date = album.releaseDate { description += ", \(date)" }
            if let tracks = album.totalTracks { description += ", \(tracks) tracks" }
        case .artist(let artist):
            description = "\"\(artist.name)\""
            if !artist.genres.isEmpty { description += ", \(artist.genres.joined(separator: ", "))" }
        }
        let popularity: Int? =
            switch entity {
            case .track(let track): track.popularity
            case .album(let album): album.popularity
            case .artist(let artist): artist.popularity
            }
        description += popularity.map { ", popularity \($0)" } ?? ", popularity not provided"
        let until = expiresAt.map { $0.formatted(.iso8601) } ?? "?"
        var freshness = source == .stale ? "stale since \(until)" : "fresh until \(until)"
        if let unchanged = unchangedRefreshes, unchanged > 0, let expiresAt, let fetchedAt {
            freshness +=
                "; unchanged in \(unchanged) \(unchanged == 1 ? "refresh" : "refreshes"): next in \(DurationText.format(expiresAt.timeIntervalSince(fetchedAt)))"
        }
        let origin = source == .fetched ? "fetched now" : source.rawValue + (tier == .redis ? " in Redis" : "")
        let files = library.map {
            "\n  library file \($0.filepath): your plays \($0.playCounts.yourPlays), combined play count \($0.playCounts.totalCombined)"
        }
        return "\(head): \(description) (\(origin), \(freshness))" + files.joined()
    }
}
