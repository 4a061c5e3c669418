/// Which tracks a search by artist and title finds: the exact one and near misses, in a stable order.
///
/// - Titles starting with `Nomatch` find nothing.
/// - Titles starting with `Ambiguous` find two takes of the exact title with different ids, 3.5 s apart (two
///   recordings: one release of a recording would be within 3 s), then a live version.
/// - Other titles find the exact candidate, a live version (`Title - Live`, 15–90 s longer or shorter) and, for
///   about half of the titles, a remaster (`Title (Remastered 2011)`, 1–4 s longer). For about three titles in
///   ten the live version comes first, so a client must compare rather than take the first hit.
enum SearchCandidates {
    static func tracks(for query: SpotifySearchQuery) -> [SearchedTrack] {
        guard let title = query.title, !title.hasPrefix("Nomatch") else { return [] }
        let artist =
            query.artist.isEmpty
            ? Self.artistName(forTitle: title) : MusicBrainzArtistAliases.latin(query.artist) ?? query.artist
        let duration = FixtureCatalog.searchDurationMs(artist: query.artist, title: title)
        var draws = DeterministicDraws("search", "candidates", MatchKey.of(query.artist), MatchKey.of(title))
        // A made-up artist must not share ids with a query that names that artist, whose durations differ.
        let variantPrefix = query.artist.isEmpty ? "no-artist-" : ""
        func candidate(_ name: String, variant: String, album: String?, duration: Int) -> SearchedTrack {
            SearchedTrack(
                artist: artist, title: title, name: name, album: album, variant: variantPrefix + variant,
                durationMilliseconds: duration)
        }

        let isAmbiguous = title.hasPrefix("Ambiguous")
        var exact = [candidate(title, variant: "exact", album: query.album, duration: duration)]
        if isAmbiguous {
            exact.append(candidate(title, variant: "exact-2", album: query.album, duration: duration + 3_500))
        }
        let liveOffset = draws.int(in: 15_000...90_000) * (draws.chance(0.5) ? 1 : -1)
        var nearMisses = [
            candidate("\(title) - Live", variant: "live", album: nil, duration: max(30_000, duration + liveOffset))
        ]
        if draws.chance(0.5) {
            let year = draws.int(in: 1995...2019)
            nearMisses.append(
                candidate(
                    "\(title) (Remastered \(year))", variant: "remaster", album: nil,
                    duration: duration + draws.int(in: 1_000...4_000)))
        }
        if !isAmbiguous && draws.chance(0.3) {
            return [nearMisses[0]] + exact + nearMisses.dropFirst()
        }
        return exact + nearMisses
    }

    /// A made-up artist for a query that names none, the same for the same title.
    private static func artistName(forTitle title: String) -> String {
        var draws = DeterministicDraws("search", "artist-for", MatchKey.of(title))
        return CatalogWords.artistName(&draws)
    }
}
