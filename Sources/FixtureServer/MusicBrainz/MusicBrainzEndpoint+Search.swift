import Hummingbird
import SwingCache

extension MusicBrainzEndpoint {
    /// `GET /ws/2/recording?query=…&fmt=json`: the recordings a search by title, artist and duration finds, best
    /// first, each with its `score`, ISRCs and tags — and, as on MusicBrainz, no genres and no relations: a search
    /// takes no `inc=` (answered with 400 here, so a client cannot come to rely on one).
    ///
    /// The recordings are the songs a Spotify search for the same artist and title finds (``SearchCandidates``),
    /// each under the recording id of its ISRC: the exact one (score 100), a live version and for about half of the
    /// titles a remaster, lower. Each is kept like a Spotify search's, so `/isrc/`, `/recording/{mbid}` and Spotify's
    /// `isrc:` search then answer for the same song. `dur:[low TO high]` keeps those whose length falls inside; titles starting with
    /// `Nomatch` find nothing.
    func search(_ request: Request) async -> FixtureAnswer {
        if let refusal = await admit(request) { return refusal }
        let form = FormFields.parse(request.uri.query ?? "")
        if form["inc"] != nil { return Self.error(.badRequest, "inc is not a valid parameter for a search.") }
        guard let text = form["query"], !text.trimmingPrefix(while: \.isWhitespace).isEmpty else {
            return Self.error(.badRequest, "Missing required parameter query.")
        }
        let query = MusicBrainzSearchQuery.parse(text)
        var found: [(score: Int, recording: JSONValue)] = []
        if let title = query.title {
            let spotifyQuery = SpotifySearchQuery(fields: ["track": title, "artist": query.artist])
            for (rank, candidate) in SearchCandidates.tracks(for: spotifyQuery).enumerated() {
                guard let mbid = RecordingMBID.mbids(forISRC: candidate.isrc).first else { continue }
                var draws = DeterministicDraws("musicbrainz", "search", mbid)
                let length = max(1_000, candidate.durationMilliseconds + draws.int(in: -1_500...1_500))
                if let range = query.duration, !range.contains(length) { continue }
                let score = MatchKey.of(candidate.name) == MatchKey.of(title) ? 100 : 80 - 5 * rank
                catalog.register(candidate)
                found.append((score, Self.searchHit(candidate, mbid: mbid, length: length, score: score)))
            }
        }
        let recordings = found.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
            .map(\.element.recording)
        return .json([
            "created": "2026-12-01T00:00:00.000Z", "count": .int(recordings.count), "offset": 0,
            "recordings": .array(recordings),
        ])
    }

    /// One recording as a search lists it: tags (genres among them, with other words) where it has any, and its
    /// artists with their aliases, as MusicBrainz's search lists them without being asked.
    private static func searchHit(_ candidate: SearchedTrack, mbid: String, length: Int, score: Int) -> JSONValue {
        var genreDraws = DeterministicDraws("musicbrainz", "genres", mbid)
        let genres = MusicBrainzRecording.genreNames(&genreDraws)
        var draws = DeterministicDraws("musicbrainz", "search-tags", mbid)
        let tags =
            genres + MusicBrainzRecording.distinct(draws.int(in: 0...2), from: MusicBrainzRecording.extraTags, &draws)
        var members: [String: JSONValue] = [
            "id": .string(mbid), "score": .int(score), "title": .string(candidate.name), "length": .int(length),
            "video": .null, "artist-credit": MusicBrainzRecording.artistCreditJSON(candidate.artistName, aliases: true),
            "isrcs": [.string(candidate.isrc)],
        ]
        if !tags.isEmpty {
            members["tags"] = .array(tags.map { ["count": .int(draws.int(in: 1...9)), "name": .string($0)] })
        }
        return .object(members)
    }
}
