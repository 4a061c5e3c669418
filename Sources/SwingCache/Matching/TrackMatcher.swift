import Foundation

/// Chooses the Spotify track that is the same recording as a local file, or says why it will not.
///
/// ```swift
/// let matcher = TrackMatcher()
/// let decision = matcher.match(local, candidates: searchResults)
/// if decision.isUsable { store(decision.spotifyID) }
/// ```
///
/// **ISRC first.** A candidate whose ISRC equals the file's (both normalised) is the recording, confidence 1, when
/// it also agrees with the file: the same version words and durations under 10 s apart. One that disagrees (a radio
/// edit carrying the album's ISRC) is only scored. When several agreeing candidates share it, the one whose duration is closest wins, then the higher search score (the same album
/// before a compilation), then the smallest Spotify id — never popularity, which Development Mode apps lack.
///
/// **Otherwise a score** in 0...1, the weighted mean of four parts (weights in ``MatchRule``):
/// - title 0.40 — Dice similarity of the character pairs of the two base titles (``MatchNormalizer/title(_:)``),
///   times 0.4 when their version markers differ (live against studio, remix against original);
/// - artists 0.30 — for each name on the shorter list, its best likeness on the other (the same words in any order 1;
///   all words of one inside the other 0.8; a misspelling of the same words less; else shared words), averaged, and
///   a name only one list has costs a fifth of a name; the same people joined or split otherwise ("Queen & David
///   Bowie" against "Queen", "David Bowie") score 1; a file's artist is also every name MusicBrainz knows it by
///   (``LocalTrack/knownArtists``: "방탄소년단" is "BTS"); featured artists from the title count as artists, and so
///   does a "with X" naming an artist of either side (any other "with …" names another take: "- With Long-Lost
///   Guitars");
/// - duration 0.20 — 1 up to 3 s apart, falling linearly to 0 at 10 s;
/// - album 0.10 — Dice similarity of the albums without edition markers.
/// A part one side has no data for is left out and the others share its weight.
///
/// A title without version words takes its album's live note ("Live at Leeds", "MTV Unplugged").
///
/// **Outcome.** The best score under 0.85 is `.lowConfidence`, and so is one the file does not corroborate with two
/// real names (a title that is not "Track 05", an artist that is not "Unknown Artist", an agreeing album). A rival
/// within 0.03 of it that is not the same recording makes it `.ambiguous`. Otherwise `.matched`; when rivals that
/// close are the same recording on other releases (the same ISRC, or the same title, versions and artists within
/// 3 s), the preferred release is taken (method `.release`): the file's album, then the title as the file writes
/// it, then the earliest release, then the explicit twin, then the smaller id.
package struct TrackMatcher: Sendable {
    package var rule: MatchRule

    package init(rule: MatchRule = MatchRule()) {
        self.rule = rule
    }

    /// How many of the best candidates a decision keeps, for `swingcache review`.
    package static let keptCandidates = 3

    package func match(_ local: LocalTrack, candidates: [Track]) -> TrackMatch {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0.id).inserted }
        guard !unique.isEmpty else { return TrackMatch(method: .search, outcome: .noCandidates) }
        let prepared = PreparedLocal(local)
        if let isrc = local.isrc.flatMap(MatchNormalizer.isrc) {
            let sameRecording = unique.filter { $0.isrc.flatMap(MatchNormalizer.isrc) == isrc }
                .filter { agreesWithFile(prepared, $0) }
                .map { Scored(track: $0, score: score(prepared, $0)) }
            if let best = sameRecording.min(by: { isrcOrder($0, $1, local: local) }) {
                return TrackMatch(
                    method: .isrc, outcome: .matched, spotifyID: best.track.id, confidence: 1, score: best.score,
                    candidates: [MatchCandidate(track: best.track, score: best.score)])
            }
        }
        let ranked = unique.map { Scored(track: $0, score: score(prepared, $0)) }
            .sorted { $0.total != $1.total ? $0.total > $1.total : $0.track.id < $1.track.id }
        let best = ranked[0]
        let kept = ranked.prefix(Self.keptCandidates).map { MatchCandidate(track: $0.track, score: $0.score) }
        guard best.total >= rule.matchThreshold, isCorroborated(prepared, best.score) else {
            return TrackMatch(
                method: .search, outcome: .lowConfidence, spotifyID: best.track.id, confidence: best.total,
                score: best.score, candidates: kept)
        }
        let close = ranked.dropFirst().filter { best.total - $0.total < rule.ambiguityMargin }
        let otherReleases = close.filter { isSameRecording(best.track, $0.track) }
        if let rival = close.first(where: { !isSameRecording(best.track, $0.track) }) {
            return TrackMatch(
                method: .search, outcome: .ambiguous, spotifyID: best.track.id, confidence: best.total,
                runnerUpID: rival.track.id, score: best.score, candidates: kept)
        }
        guard !otherReleases.isEmpty else {
            return TrackMatch(
                method: .search, outcome: .matched, spotifyID: best.track.id, confidence: best.total,
                score: best.score, candidates: kept)
        }
        let releases = [best] + otherReleases
        let preferred = releases.min { releaseOrder($0, $1, local: prepared) } ?? best
        let other = releases.first { $0.track.id != preferred.track.id }
        return TrackMatch(
            method: .release, outcome: .matched, spotifyID: preferred.track.id, confidence: preferred.total,
            runnerUpID: other?.track.id, score: preferred.score, candidates: kept)
    }

    /// Whether two candidates are one recording released twice (an album and a compilation, a remaster, the
    /// explicit and clean twins): the same ISRC, or the same base title, versions and artists with durations
    /// within ``MatchRule/durationTolerance`` of each other.
    private func isSameRecording(_ first: Track, _ second: Track) -> Bool {
        if let isrc = first.isrc.flatMap(MatchNormalizer.isrc), isrc == second.isrc.flatMap(MatchNormalizer.isrc) {
            return true
        }
        let (firstTitle, secondTitle) = (MatchNormalizer.title(first.name), MatchNormalizer.title(second.name))
        guard firstTitle.base == secondTitle.base,
            Self.versions(of: first, title: firstTitle) == Self.versions(of: second, title: secondTitle),
            Set(MatchNormalizer.artists(first.artistNames + firstTitle.featuredArtists))
                == Set(MatchNormalizer.artists(second.artistNames + secondTitle.featuredArtists)),
            let firstLength = first.durationMs, let secondLength = second.durationMs
        else { return false }
        return abs(Double(firstLength - secondLength)) / 1000 <= rule.durationTolerance
    }

    /// Among releases of one recording: the file's own album first, then the title as the file writes it ("Paint
    /// It Black" before "Paint It Black - Mono"), then the original (earliest) release, then the explicit one (a
    /// clean twin is an edit of it), then the smaller id.
    private func releaseOrder(_ first: Scored, _ second: Scored, local: PreparedLocal) -> Bool {
        let onFileAlbum = { (scored: Scored) in
            local.album != nil && scored.track.albumName.map(MatchNormalizer.album) == local.album
        }
        if onFileAlbum(first) != onFileAlbum(second) { return onFileAlbum(first) }
        let titledAsFile = { (scored: Scored) in MatchNormalizer.fold(scored.track.name) == local.writtenTitle }
        if titledAsFile(first) != titledAsFile(second) { return titledAsFile(first) }
        let (firstDate, secondDate) = (first.track.releaseDate ?? "9999", second.track.releaseDate ?? "9999")
        if firstDate != secondDate { return firstDate < secondDate }
        let (firstExplicit, secondExplicit) = (first.track.explicit ?? false, second.track.explicit ?? false)
        if firstExplicit != secondExplicit { return firstExplicit }
        return first.track.id < second.track.id
    }

    /// Whether a file whose ISRC search led to `decision` should be searched by artist and title as well.
    ///
    /// Yes unless it is usable: an ISRC answer that holds only another version of the song (a radio edit carrying
    /// the album's ISRC) is scored with the text search's candidates.
    package func needsTextSearch(after decision: TrackMatch) -> Bool {
        !decision.isUsable
    }

    /// The parts of `candidate`'s score against `local`.
    package func score(_ local: LocalTrack, _ candidate: Track) -> MatchScore {
        score(PreparedLocal(local), candidate)
    }

    private func score(_ local: PreparedLocal, _ candidate: Track) -> MatchScore {
        let title = MatchNormalizer.title(candidate.name)
        var titleScore = TextSimilarity.bigramDice(local.title.base, title.base)
        let named = MatchNormalizer.artists(candidate.artistNames + title.featuredArtists)
        let localSide = Self.reading(local.title.withCredits, artists: local.artists, otherSide: named)
        let candidateSide = Self.reading(title.withCredits, artists: named, otherSide: local.artists)
        let candidateVersions = Self.versions(of: candidate, title: title).union(candidateSide.versions)
        let localVersions = local.versions.union(localSide.versions)
        let artistScore =
            local.artists.isEmpty
            ? nil : Self.artistOverlap(localSide.artists, candidateSide.artists, knownAs: local.knownAs)
        var albumScore: Double?
        if let album = local.album, let other = candidate.albumName, !MatchNormalizer.isPlaceholder(other) {
            albumScore = TextSimilarity.bigramDice(album, MatchNormalizer.album(other))
        }
        // On an album that may be live ("Live and Well"), a studio take is trusted only from that same album.
        let mayBeOtherRecording =
            localVersions.isEmpty && local.albumMayBeLive && !candidateVersions.contains(.live)
            && (albumScore ?? 0) < rule.matchThreshold
        if candidateVersions != localVersions || mayBeOtherRecording { titleScore *= rule.versionMismatchFactor }
        var durationScore: Double?
        if let seconds = local.durationSeconds, let milliseconds = candidate.durationMs {
            durationScore = rule.durationScore(gap: Double(seconds) - Double(milliseconds) / 1000)
        }
        return MatchScore(title: titleScore, artist: artistScore, album: albumScore, duration: durationScore)
    }

    /// One side's artists and versions once its "with …" notes are read: a note naming an artist of either side is
    /// a credit ("Perfect Duet (with Beyoncé)"), any other names another take ("- With Long-Lost Guitars").
    private static func reading(_ withCredits: [String], artists: [String], otherSide: [String])
        -> (artists: [String], versions: Set<RecordingVersion>)
    {
        var credited = artists
        var versions = Set<RecordingVersion>()
        for name in withCredits {
            if (artists + otherSide).contains(where: { TextSimilarity.nameSimilarity(name, $0) >= 0.8 }) {
                if !credited.contains(name) { credited.append(name) }
            } else {
                versions.insert(.variant)
            }
        }
        return (credited, versions)
    }

    /// The versions a candidate is: its title's, else its album's ("Live at Leeds").
    private static func versions(of candidate: Track, title: NormalizedTitle) -> Set<RecordingVersion> {
        MatchNormalizer.recordingVersions(title: title, album: candidate.albumName)
    }

    /// Whether a candidate sharing the file's ISRC is that recording as far as the file can tell: the same version
    /// words, and durations less than ``MatchRule/durationLimit`` apart when both are known. An ISRC is evidence,
    /// not proof: a radio edit or a promo's acoustic take often carries the album's.
    private func agreesWithFile(_ local: PreparedLocal, _ candidate: Track) -> Bool {
        guard Self.versions(of: candidate, title: MatchNormalizer.title(candidate.name)) == local.versions else {
            return false
        }
        guard let seconds = local.durationSeconds, let milliseconds = candidate.durationMs else { return true }
        return abs(Double(seconds) - Double(milliseconds) / 1000) < rule.durationLimit
    }

    /// Whether the file names its song with two real names that the candidate bears out: a title that is not a
    /// placeholder ("Track 05", "Untitled"), an artist that is not one ("Unknown Artist", "Artiste inconnu"), an
    /// album that is not one and agrees with the candidate's. A title and a duration alone fit every cover.
    private func isCorroborated(_ local: PreparedLocal, _ score: MatchScore) -> Bool {
        let names = [local.titleIsName, score.artist != nil, (score.album ?? 0) >= rule.matchThreshold]
        return names.filter { $0 }.count >= 2
    }

    /// For each name on the shorter list, its best likeness on the longer one, averaged; a name only the longer
    /// list has (a featured artist one side leaves out) costs a fifth of a name, once. A file's name is also each
    /// name its artist is known by (`knownAs`). The same people credited in other words score 1 whatever the names
    /// (``TextSimilarity/creditSimilarity(_:_:)``).
    private static func artistOverlap(_ local: [String], _ candidate: [String], knownAs: [String: [String]]) -> Double {
        guard !local.isEmpty, !candidate.isEmpty else { return 0 }
        let likeness = { (name: String, other: String) in
            ([name] + (knownAs[name] ?? [])).map { TextSimilarity.nameSimilarity($0, other) }.max() ?? 0
        }
        let best =
            local.count <= candidate.count
            ? local.map { name in candidate.map { likeness(name, $0) }.max() ?? 0 }
            : candidate.map { other in local.map { likeness($0, other) }.max() ?? 0 }
        let missing = local.count != candidate.count ? missingNameCost : 0
        let byName = best.reduce(0, +) / (Double(best.count) + missing)
        return max(byName, TextSimilarity.creditSimilarity(local, candidate))
    }

    private static let missingNameCost = 0.2

    /// Closest duration first, then the higher score, then the smaller id.
    private func isrcOrder(_ first: Scored, _ second: Scored, local: LocalTrack) -> Bool {
        let firstGap = durationGap(local, first.track)
        let secondGap = durationGap(local, second.track)
        if firstGap != secondGap { return firstGap < secondGap }
        if first.total != second.total { return first.total > second.total }
        return first.track.id < second.track.id
    }

    private func durationGap(_ local: LocalTrack, _ candidate: Track) -> Double {
        guard let seconds = local.durationSeconds, seconds > 0, let milliseconds = candidate.durationMs else {
            return .infinity
        }
        return abs(Double(seconds) - Double(milliseconds) / 1000)
    }
}

extension TrackMatcher {
    /// The local side, normalised once for all its candidates.
    private struct PreparedLocal {
        var title: NormalizedTitle
        /// The whole title folded, notes and all.
        var writtenTitle: String
        /// The title's versions, or the album's when the title names none.
        var versions: Set<RecordingVersion>
        var titleIsName: Bool
        var albumMayBeLive: Bool
        var artists: [String]
        /// For each of ``artists``, the other names MusicBrainz knows that artist by, folded like it.
        var knownAs: [String: [String]]
        var album: String?
        var durationSeconds: Int?

        init(_ local: LocalTrack) {
            title = MatchNormalizer.title(local.title)
            writtenTitle = MatchNormalizer.fold(local.title)
            titleIsName = !MatchNormalizer.isPlaceholderTitle(local.title)
            // "Live and Let Die" on "Live and Let Die": the album's "live" is the song's name.
            albumMayBeLive =
                (local.album.map(MatchNormalizer.albumMayBeLive) ?? false)
                && !MatchNormalizer.albumMayBeLive(local.title)
            versions = MatchNormalizer.recordingVersions(
                title: title, album: MatchNormalizer.isPlaceholder(local.album) ? nil : local.album)
            artists = MatchNormalizer.artists(local.artists + title.featuredArtists)
            knownAs = TrackMatcher.knownNames(of: artists, among: local.knownArtists)
            album = MatchNormalizer.isPlaceholder(local.album) ? nil : local.album.map(MatchNormalizer.album)
            durationSeconds = local.durationSeconds.flatMap { $0 > 0 ? $0 : nil }
        }
    }

    /// The names of the known artist each of `artists` is — the one with a name of the same words ("방탄소년단" for
    /// BTS's alias "방탄소년단", "hikaru utada" for the sort name "Utada, Hikaru") —, folded; an artist name that is
    /// none of theirs has none.
    fileprivate static func knownNames(of artists: [String], among known: [KnownArtist]) -> [String: [String]] {
        guard !known.isEmpty else { return [:] }
        let folded = known.map { artist in MatchNormalizer.artists(artist.names) }
        var knownAs: [String: [String]] = [:]
        for name in artists {
            let names = folded.filter { $0.contains { TextSimilarity.nameSimilarity(name, $0) == 1 } }.flatMap { $0 }
            if !names.isEmpty { knownAs[name] = names.filter { $0 != name } }
        }
        return knownAs
    }
}

extension TrackMatcher {
    private struct Scored {
        var track: Track
        var score: MatchScore
        var total: Double { score.total }
    }
}
