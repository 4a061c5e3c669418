import SwingCache

/// A recording a MusicBrainz search found: the recording as a search lists it (id, title, length, ISRCs and tags,
/// no genres and no links), MusicBrainz's score for it and its credited artists.
package struct MusicBrainzSearchHit: Hashable, Sendable {
    package var recording: MusicBrainzRecording
    /// 0–100: how well the recording fits the query, as MusicBrainz ranks it.
    package var score: Int
    /// The credited artists' names, in credit order.
    package var artists: [String]

    package init(recording: MusicBrainzRecording, score: Int, artists: [String]) {
        self.recording = recording
        self.score = score
        self.artists = artists
    }

    /// The least MusicBrainz score a hit is taken with, beside the matcher's own judgement.
    package static let minScore = 90

    /// The hit that is the same recording as `local`, or nil: a wrong genre is worse than none.
    ///
    /// The hits are weighed as Spotify's search candidates are (``TrackMatcher``: title and version words, artists,
    /// duration within a few seconds), the file's artist also known by the aliases the hits list for their artists
    /// ("Кино" is the alias of a hit's "Kino"), so only a `.matched` decision counts — not a low-confidence or ambiguous one
    /// — and its hit must also score at least ``minScore`` with MusicBrainz. Two MusicBrainz recordings are two
    /// recordings even when they look alike (releases are apart from recordings there), so a choice between
    /// look-alikes (the matcher's `.release`) is not taken either.
    package static func sameRecording(
        as local: LocalTrack, among hits: [MusicBrainzSearchHit], matcher: TrackMatcher = TrackMatcher()
    ) -> MusicBrainzSearchHit? {
        let candidates = hits.map { hit in
            Track(
                id: hit.recording.mbid, name: hit.recording.title, artistNames: hit.artists,
                isrc: hit.recording.isrcs.first, durationMs: hit.recording.lengthMs)
        }
        var local = local
        local.knownArtists += hits.flatMap(\.recording.artists)
        let decision = matcher.match(local, candidates: candidates)
        guard decision.isUsable, decision.method != .release,
            let chosen = hits.first(where: { $0.recording.mbid == decision.spotifyID }),
            chosen.score >= minScore
        else { return nil }
        return chosen
    }
}
