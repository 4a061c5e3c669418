import CacheStore
import Foundation
import Runner
import SwingCache
import SwingCacheTestKit
import Testing

/// Which songs each of swingcache's playlists holds, from the enrichment alone.
@Suite struct PlaylistPlanTests {
    func track(
        _ path: String, hash: String, genres: [String] = [], local: Int = 0, lastfm: Int? = nil, user: Int? = nil,
        listenbrainz: Int? = nil, popularity: Int? = nil, library: Int? = nil
    ) -> PublishableTrack {
        PublishableTrack(
            filepath: path, trackhash: hash, title: path, artists: ["A"], genres: genres,
            playCount: HybridPlayCount(
                localPlayCount: local, lastfmPlayCount: lastfm, lastfmUserPlayCount: user,
                listenbrainzPlayCount: listenbrainz, spotifyPopularity: popularity),
            popularity: SongPopularity(spotify: popularity, library: library))
    }

    @Test func aGenreHasAPlaylistOnceItHasEnoughSongsAndCopiesOfASongCountOnce() {
        let tracks = [
            track("/a.flac", hash: "h1", genres: ["Shoegaze", "dream pop"]),
            track("/copies/a.mp3", hash: "h1", genres: ["shoegaze"]),
            track("/b.flac", hash: "h2", genres: ["shoegaze"]),
            track("/c.flac", hash: "h3", genres: ["dream pop"]),
        ]
        let playlists = PlaylistPlan.playlists(
            for: [PlaylistRule(kind: .genres, minTracks: 2)], from: tracks, madeAt: .testEpoch)
        #expect(playlists.map(\.name) == ["Genre: dream pop", "Genre: shoegaze"])
        #expect(playlists.map(\.key) == ["genres:dream pop", "genres:shoegaze"])
        #expect(playlists[1].trackhashes == ["h1", "h2"])
        #expect(playlists[1].description.contains("shoegaze"))
        #expect(playlists[1].description.contains("2026-11-25"), "says when it was made")
        #expect(
            PlaylistPlan.playlists(for: [PlaylistRule(kind: .genres, minTracks: 3)], from: tracks, madeAt: .testEpoch)
                .isEmpty)
    }

    @Test func mostPlayedRanksYourOwnPlaysNeverTheWorldsAndStopsAtItsSize() {
        let tracks = [
            track("/a.flac", hash: "a", local: 2, lastfm: 9_000_000, user: 1),
            track("/b.flac", hash: "b", local: 7),
            track("/c.flac", hash: "c", local: 1, user: 4),
            track("/d.flac", hash: "d", lastfm: 50_000),
        ]
        let playlists = PlaylistPlan.playlists(
            for: [PlaylistRule(kind: .mostPlayed, size: 2), PlaylistRule(kind: .mostListened)], from: tracks,
            madeAt: .testEpoch)
        #expect(playlists.map(\.name) == ["Most played", "Most listened worldwide"])
        #expect(playlists[0].trackhashes == ["b", "c"], "your plays: 7, 4 (Last.fm user count), 2")
        #expect(playlists[1].trackhashes == ["a", "d"], "Last.fm's and ListenBrainz's counts")
    }

    @Test func popularityMakesNoPlaylistWhenNoSongHasAPopularity() {
        let without = [track("/a.flac", hash: "a", local: 3)]
        #expect(
            PlaylistPlan.playlists(for: [PlaylistRule(kind: .popularity)], from: without, madeAt: .testEpoch).isEmpty)
        let with = [track("/a.flac", hash: "a", popularity: 40), track("/b.flac", hash: "b", popularity: 80)]
        #expect(
            PlaylistPlan.playlists(for: [PlaylistRule(kind: .popularity)], from: with, madeAt: .testEpoch).first?
                .trackhashes == ["b", "a"])
    }

    @Test func aDevelopmentModeLibraryGetsItsPopularityPlaylistFromTheLibraryPopularity() {
        let tracks = [
            track("/a.flac", hash: "a", library: 20), track("/b.flac", hash: "b", library: 95),
            track("/copies/b.mp3", hash: "b", library: 95), track("/c.flac", hash: "c"),
        ]
        let playlist = PlaylistPlan.playlists(
            for: [PlaylistRule(kind: .popularity)], from: tracks, madeAt: .testEpoch)
        #expect(playlist.first?.trackhashes == ["b", "a"], "copies once; a song with no figure is left out")
        #expect(playlist.first?.description.contains("else the library popularity") == true)
    }

    @Test func spotifysPopularityRanksASongBeforeItsLibraryPopularity() {
        let tracks = [
            track("/a.flac", hash: "a", popularity: 30, library: 99), track("/b.flac", hash: "b", library: 60),
            track("/c.flac", hash: "c", popularity: 70, library: 10),
        ]
        let playlist = PlaylistPlan.playlists(
            for: [PlaylistRule(kind: .popularity)], from: tracks, madeAt: .testEpoch)
        #expect(playlist.first?.trackhashes == ["c", "b", "a"], "70 (Spotify), 60 (library), 30 (Spotify)")
    }
}
