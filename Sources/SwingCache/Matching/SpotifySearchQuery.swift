import Foundation

/// The `q` text of a Spotify track search for a local file.
///
/// ```swift
/// SpotifySearchQuery.text(for: LocalTrack(title: "Let It Be - Remastered 2009", artists: ["The Beatles"],
///                                         album: "Let It Be (Super Deluxe)"))
/// // track:"Let It Be" artist:"The Beatles" album:"Let It Be"
/// ```
///
/// The title loses what would only narrow the search (featured artists, remaster and edition notes); version
/// markers follow as bare words (`live`, `remix`) so that a live file finds live recordings. Only the primary
/// artist is named. Spotify's query syntax has no escape for a double quote, so quotes inside names become spaces.
package enum SpotifySearchQuery {
    package static func text(for track: LocalTrack, includingAlbum: Bool = true) -> String {
        let parts = MatchNormalizer.titleParts(track.title)
        let title = cleaned(parts.kept.joined(separator: " "))
        var terms = ["track:" + quoted(title.isEmpty ? cleaned(track.title) : title)]
        if let artist = track.artists.first(where: { !MatchNormalizer.isPlaceholder($0) }) {
            terms.append("artist:" + quoted(cleaned(MatchNormalizer.primaryCredit(artist))))
        }
        if includingAlbum, let album = track.album, !MatchNormalizer.isPlaceholder(album) {
            let name = cleaned(MatchNormalizer.albumParts(album).joined(separator: " "))
            terms.append("album:" + quoted(name.isEmpty ? cleaned(album) : name))
        }
        terms += parts.versions.sorted().map(\.rawValue)
        return terms.joined(separator: " ")
    }

    private static func quoted(_ text: String) -> String { "\"" + text + "\"" }

    /// Quotes made spaces, runs of white space made one.
    private static func cleaned(_ text: String) -> String {
        let unquoted = text.map { "\"\u{201C}\u{201D}\u{201E}".contains($0) ? " " : $0 }
        return String(unquoted).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
