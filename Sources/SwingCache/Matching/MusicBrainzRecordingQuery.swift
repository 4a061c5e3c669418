import Foundation

/// The `query` of a MusicBrainz recording search for a local file without an ISRC, in Lucene syntax.
///
/// ```swift
/// MusicBrainzRecordingQuery.text(for: LocalTrack(title: "Believe (Remastered 2011)", artists: ["Cher feat. X"],
///                                                durationSeconds: 239))
/// // recording:"Believe" AND artist:"Cher" AND dur:[229000 TO 249000]
/// ```
///
/// The title and artist lose what would only narrow the search, as ``SpotifySearchQuery`` does (featured artists,
/// remaster and edition notes); the matcher compares versions afterwards. The duration range is the file's length
/// ± ``durationSlack`` in milliseconds, MusicBrainz's `dur` unit. Nil for a file without a real title or artist:
/// a search by title alone finds too many recordings to trust one.
package enum MusicBrainzRecordingQuery {
    /// How far a recording's length may be from the file's and still be searched for, in seconds: the matcher's
    /// duration part is 0 at 10 s.
    package static let durationSlack = 10

    package static func text(for track: LocalTrack) -> String? {
        guard !MatchNormalizer.isPlaceholderTitle(track.title),
            let artist = track.artists.first(where: { !MatchNormalizer.isPlaceholder($0) })
        else { return nil }
        let kept = MatchNormalizer.titleParts(track.title).kept.joined(separator: " ")
        let title = cleaned(kept.isEmpty ? track.title : kept)
        let name = cleaned(MatchNormalizer.primaryCredit(artist))
        guard !title.isEmpty, !name.isEmpty else { return nil }
        var clauses = ["recording:" + phrase(title), "artist:" + phrase(name)]
        if let seconds = track.durationSeconds, seconds > 0 {
            let low = max(0, seconds - durationSlack) * 1_000
            clauses.append("dur:[\(low) TO \((seconds + durationSlack) * 1_000)]")
        }
        return clauses.joined(separator: " AND ")
    }

    /// `text` in double quotes, with Lucene's escapes for a backslash and a quote inside a phrase.
    private static func phrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Runs of white space made one.
    private static func cleaned(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
