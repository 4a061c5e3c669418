/// One play count for a track from every source swingcache knows, with no play counted twice.
///
/// ```swift
/// let count = HybridPlayCount(localPlayCount: 12, lastfmPlayCount: 5000, lastfmUserPlayCount: 10)
/// count.total  // 5002: Last.fm's 5000 (which holds 10 of the 12 local plays) + the 2 Last.fm has not seen
/// ```
///
/// **The rule** (docs/play-counts.md has worked examples):
/// - *Last.fm known* (`lastfmPlayCount` not nil): Last.fm counts `max(lastfmPlayCount, lastfmUserPlayCount ?? 0)` —
///   the global count holds this user's plays, so it can never be smaller than them.
/// - *Local plays* add only what Last.fm has not seen: all of them when Last.fm is unknown or SwingMusic does not
///   scrobble to it; `max(0, local − lastfmUserPlayCount)` when it does; none when it does but the user's Last.fm
///   count is unknown (every local play is assumed scrobbled: undercounting is the safe side).
/// - *ListenBrainz* adds its global listen count: SwingMusic submits nothing to ListenBrainz, so its listens are
///   taken to be other people's submissions, not this library's plays.
/// - *Spotify* adds nothing: its public API has no play count, and popularity (0–100) is an index, not plays.
///
/// So the total is never smaller than any one figure (local, Last.fm, ListenBrainz) and never holds a local
/// play Last.fm's user count already shows.
package struct HybridPlayCount: Hashable, Sendable {
    /// Where a figure comes from.
    package enum Source: String, Hashable, Sendable, CaseIterable {
        /// SwingMusic's own plays of the file (`scrobble` rows).
        case local
        case lastfm
        case listenbrainz
        case spotify
    }

    /// One source's share of the total and why it is that much.
    package struct Term: Hashable, Sendable {
        package var source: Source
        /// What the total takes from this source.
        package var count: Int
        /// Why, in a sentence.
        package var note: String

        package init(source: Source, count: Int, note: String) {
            self.source = source
            self.count = count
            self.note = note
        }
    }

    package var localPlayCount: Int
    /// Every Last.fm listener's plays of the track; nil when Last.fm was not asked or does not know it.
    package var lastfmPlayCount: Int?
    /// This user's plays as Last.fm knows them, from every device that scrobbles.
    package var lastfmUserPlayCount: Int?
    /// Whether SwingMusic scrobbles local plays to Last.fm (its default).
    package var lastfmScrobblesLocalPlays: Bool
    /// Every ListenBrainz user's listens of the recording.
    package var listenbrainzPlayCount: Int?
    /// Always nil: Spotify's public Web API has no play counts. Kept so the table of sources is complete.
    package var spotifyPlayCount: Int?
    /// Spotify's 0–100 index, when the app still gets it; never added to the total.
    package var spotifyPopularity: Int?

    package init(
        localPlayCount: Int, lastfmPlayCount: Int? = nil, lastfmUserPlayCount: Int? = nil,
        lastfmScrobblesLocalPlays: Bool = true, listenbrainzPlayCount: Int? = nil, spotifyPlayCount: Int? = nil,
        spotifyPopularity: Int? = nil
    ) {
        self.localPlayCount = localPlayCount
        self.lastfmPlayCount = lastfmPlayCount
        self.lastfmUserPlayCount = lastfmUserPlayCount
        self.lastfmScrobblesLocalPlays = lastfmScrobblesLocalPlays
        self.listenbrainzPlayCount = listenbrainzPlayCount
        self.spotifyPlayCount = spotifyPlayCount
        self.spotifyPopularity = spotifyPopularity
    }

    /// What Last.fm contributes: its global count, raised to the user's count when that is larger.
    package var lastfmContribution: Int {
        guard let global = lastfmPlayCount else { return 0 }
        return max(global, lastfmUserPlayCount ?? 0)
    }

    /// The local plays no Last.fm figure in the total holds yet.
    package var localPlaysUnseenByLastfm: Int {
        guard lastfmPlayCount != nil, lastfmScrobblesLocalPlays else { return localPlayCount }
        guard let user = lastfmUserPlayCount else { return 0 }
        return max(0, localPlayCount - user)
    }

    package var listenbrainzContribution: Int { listenbrainzPlayCount ?? 0 }

    /// The plays a person recognises as theirs: SwingMusic's local plays and their own Last.fm scrobbles, each play
    /// once — never the global counts.
    ///
    /// With SwingMusic scrobbling to Last.fm, the user's Last.fm count already holds the local plays it saw, so only
    /// the local plays beyond it are added; without, the two are separate plays and add up.
    package var yourPlays: Int {
        guard let user = lastfmUserPlayCount else { return localPlayCount }
        return lastfmScrobblesLocalPlays ? max(user, localPlayCount) : user + localPlayCount
    }

    package var total: Int { lastfmContribution + localPlaysUnseenByLastfm + listenbrainzContribution }

    /// Each source's share, in the order local, Last.fm, ListenBrainz, Spotify; the counts add up to ``total``.
    package var terms: [Term] {
        [localTerm, lastfmTerm, listenbrainzTerm, spotifyTerm]
    }

    private var localTerm: Term {
        let unseen = localPlaysUnseenByLastfm
        let note: String
        if lastfmPlayCount == nil {
            note = "all \(localPlayCount) local plays: no Last.fm count holds them"
        } else if !lastfmScrobblesLocalPlays {
            note = "all \(localPlayCount) local plays: SwingMusic does not scrobble them to Last.fm"
        } else if let user = lastfmUserPlayCount {
            note =
                unseen > 0
                ? "\(unseen) of \(localPlayCount) local plays: Last.fm shows \(user) of this user's plays"
                : "none of \(localPlayCount) local plays: Last.fm already shows \(user) of this user's plays"
        } else {
            note = "none of \(localPlayCount) local plays: they are scrobbled, and Last.fm's user count is unknown"
        }
        return Term(source: .local, count: unseen, note: note)
    }

    private var lastfmTerm: Term {
        guard let global = lastfmPlayCount else {
            return Term(source: .lastfm, count: 0, note: "unknown: Last.fm was not asked or does not know the track")
        }
        if let user = lastfmUserPlayCount, user > global {
            return Term(
                source: .lastfm, count: user,
                note: "this user's \(user) plays: Last.fm's global count (\(global)) lags behind them")
        }
        return Term(source: .lastfm, count: global, note: "\(global) plays by every Last.fm listener")
    }

    private var listenbrainzTerm: Term {
        guard let listens = listenbrainzPlayCount else {
            return Term(source: .listenbrainz, count: 0, note: "unknown: no ListenBrainz count for the recording")
        }
        return Term(
            source: .listenbrainz, count: listens,
            note: "\(listens) listens by ListenBrainz users, taken to be none of this library's plays")
    }

    private var spotifyTerm: Term {
        let popularity = spotifyPopularity.map { "popularity \($0) of 100 is an index, not plays" }
        let note = ["Spotify's public API has no play counts", popularity].compactMap(\.self).joined(separator: "; ")
        return Term(source: .spotify, count: 0, note: note)
    }
}
