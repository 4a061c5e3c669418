import Foundation

/// How SwingMusic shows a track, given its settings: the artists split, the title and album cleaned, the runtime
/// hash (`Track.__post_init__` in SwingMusic 3.0.1's `swingmusic/models/track.py`).
///
/// ```swift
/// let rules = SwingMusicRules(try SwingMusicSettings.read(folder: "/config/swingmusic"))
/// let shown = rules.shown(TrackTags(title: "Song (feat. B)", artists: "A", albumArtists: "A", album: "Song (feat. B)"))
/// // shown.title == "Song ", shown.artists == ["A", "B"], shown.album == "Song "
/// ```
package struct SwingMusicRules: Hashable, Sendable {
    package let settings: SwingMusicSettings
    package let artistSplitting: ArtistSplitting

    package init(_ settings: SwingMusicSettings = SwingMusicSettings()) {
        self.settings = settings
        artistSplitting = ArtistSplitting(
            separators: settings.artistSeparators, keptWhole: settings.artistSplitIgnoreList)
    }

    /// What SwingMusic shows for a file with these tags.
    package func shown(_ tags: TrackTags) -> ShownTrack {
        var artists = artistSplitting.split(tags.artists)
        let albumArtists = unique(artistSplitting.split(tags.albumArtists))
        var title = tags.title
        var album = tags.album
        if settings.extractFeaturedArtists, let featured = TitleCleaning.featured(in: tags.title) {
            let known = Set(artists.map(Self.artistKey))
            artists += artistSplitting.split(featured.artists).filter { !known.contains(Self.artistKey($0)) }
            title = featured.title
            // A single's album is named after it: it loses the "(feat. …)" too.
            if tags.album == tags.title { album = title }
        }
        if settings.removeProdBy { title = TitleCleaning.removingProducer(title) }
        if settings.removeRemasterInfo { title = TitleCleaning.removingRemasterInfo(title) }
        if settings.cleanAlbumTitle { album = TitleCleaning.baseAlbumTitle(album) }
        artists = unique(artists)
        return ShownTrack(
            title: title, artists: artists, albumArtists: albumArtists, album: album,
            trackhash: SwingMusicHash.track(title: title, album: album, artists: artists))
    }

    /// Names in order, each once (SwingMusic drops a repeated name after splitting).
    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// What SwingMusic compares a featured artist with the track's own by: its artist hash, made without regard to
    /// case, spaces or punctuation (SwingMusic also folds accents with `unidecode`; this folds the Latin ones).
    private static func artistKey(_ name: String) -> String {
        SwingMusicHash.normalized(name.folding(options: [.diacriticInsensitive], locale: nil))
    }
}
