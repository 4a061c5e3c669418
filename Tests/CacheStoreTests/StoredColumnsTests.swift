import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@testable import CacheStore

/// What the record types write is what the store always wrote: times as `REAL` Unix seconds, lists as the JSON
/// text ``JSONStringList`` writes, NULL for what is unknown. Users read these columns through the views.
@Suite struct StoredColumnsTests {
    let now = Date.testEpoch
    let folder: TemporaryDirectory
    let store: AppDatabase
    static let names = ["AC/DC", "Ça", "tab\there"]

    init() throws {
        folder = try TemporaryDirectory()
        store = try folder.store()
    }

    var hour: Date { now.addingTimeInterval(3600) }
    var times: String { "real|1795575600.0|1795579200.0" }
    var names: String { JSONStringList.encode(Self.names) }

    func query(_ sql: String) async throws -> String { try await SQLiteShell.query(store.path, sql) }

    @Test func catalogRowsHoldUnixSecondsJSONListsAndACompressedAnswer() async throws {
        let track = Track(
            id: "t1", name: "Song", artistIDs: ["a1"], artistNames: Self.names, explicit: false, trackNumber: 4)
        let album = Album(id: "al1", name: "Album", artistNames: Self.names, genres: Self.names)
        let artist = Artist(id: "ar1", name: "Artist", genres: Self.names, followers: 12)
        try await store.catalog.save(
            FetchRecord(
                entities: [.track(track), .album(album), .artist(artist)], request: nil, fetchedAt: now,
                expiresAt: { _ in now.addingTimeInterval(3600) }, missingExpiresAt: { _ in now }))

        #expect(
            try await query(
                """
                SELECT artist_ids, artist_names, explicit, typeof(explicit), popularity IS NULL, track_number,
                    typeof(fetched_at), fetched_at, expires_at, typeof(raw) FROM track
                """) == #"["a1"]|\#(names)|0|integer|1|4|\#(times)|blob"#)
        #expect(
            try await query(
                "SELECT artist_names, genres, typeof(fetched_at), fetched_at, expires_at, typeof(raw) FROM album")
                == "\(names)|\(names)|\(times)|blob")
        #expect(
            try await query(
                "SELECT genres, followers, typeof(fetched_at), fetched_at, expires_at, typeof(raw) FROM artist")
                == "\(names)|12|\(times)|blob")
    }

    @Test func providerFactsHoldUnixSecondsJSONListsAndNullForWhatIsUnknown() async throws {
        let found = LastfmTrackKey(artist: "Queen", title: "Song")
        let missing = LastfmTrackKey(artist: "Nobody", title: "Nothing")
        try await store.facts.save(
            EnrichmentRecord(
                lastfmTracks: [
                    LastfmTrackFact(
                        key: found, playCount: 5, listeners: 2, tags: Self.names, fetchedAt: now, expiresAt: hour),
                    .missing(missing, fetchedAt: now, expiresAt: hour),
                ],
                musicbrainzRecordings: [
                    MusicBrainzRecordingFact(
                        isrc: "GBAHS1600463", mbids: ["m1"], genres: Self.names,
                        links: [PlatformLink(platform: "deezer", url: "https://deezer.com/1")], fetchedAt: now,
                        expiresAt: hour),
                    .missing(isrc: "USRC17607839", fetchedAt: now, expiresAt: hour),
                ],
                listenbrainzPopularity: [
                    ListenBrainzPopularityFact(
                        mbid: "m1", listenCount: 7, userCount: 3, fetchedAt: now, expiresAt: hour),
                    ListenBrainzPopularityFact(
                        mbid: "m2", listenCount: nil, userCount: nil, fetchedAt: now, expiresAt: hour),
                ],
                links: [
                    TrackLinkFact(
                        isrc: "GBAHS1600463", platform: "tidal", url: nil, source: "deezer", fetchedAt: now,
                        expiresAt: hour)
                ],
                request: .append(
                    LedgerEntry(service: "lastfm", endpoint: "track.getInfo", requestedAt: now, status: 200))
            ))

        #expect(
            try await query(
                """
                SELECT artist, title, quote(playcount), quote(user_playcount), quote(username), tags,
                    quote(missing_reason), typeof(fetched_at), fetched_at, expires_at
                FROM lastfm_track ORDER BY artist
                """)
                    == """
                    Nobody|Nothing|NULL|NULL|NULL|[]|'not_found'|\(times)
                    Queen|Song|5|NULL|NULL|\(names)|NULL|\(times)
                    """)
        #expect(
            try await query(
                """
                SELECT isrc, mbids, genres, tags, quote(missing_reason), typeof(fetched_at), fetched_at, expires_at
                FROM musicbrainz_recording ORDER BY isrc
                """)
                    == """
                    GBAHS1600463|["m1"]|\(names)|[]|NULL|\(times)
                    USRC17607839|[]|[]|[]|'not_found'|\(times)
                    """)
        #expect(
            try await query(
                """
                SELECT mbid, quote(listen_count), quote(user_count), typeof(fetched_at), fetched_at, expires_at
                FROM listenbrainz_popularity ORDER BY mbid
                """)
                    == """
                    m1|7|3|\(times)
                    m2|NULL|NULL|\(times)
                    """)
        #expect(
            try await query(
                """
                SELECT platform, quote(url), source, typeof(fetched_at), fetched_at, expires_at
                FROM track_link ORDER BY platform
                """)
                    == """
                    deezer|'https://deezer.com/1'|musicbrainz|\(times)
                    tidal|NULL|deezer|\(times)
                    """)
        #expect(
            try await query(
                "SELECT service, endpoint, typeof(requested_at), requested_at, status, quote(run_id) FROM request_ledger"
            )
                == "lastfm|track.getInfo|real|1795575600.0|200|NULL")
    }

    @Test func libraryMatchAndPublishRowsHoldUnixSecondsAndJSONLists() async throws {
        var file = LibraryTrackRecord(
            filepath: "/music/a.flac", fingerprint: "v1:a", title: "Song", artists: Self.names, album: "",
            durationSeconds: 0, localPlayCount: 3, lastPlayedAt: now)
        file.swingMusic = SwingMusicFileRecord(
            trackhash: "h1", tagTitle: "Song", tagArtists: "AC/DC;Ça", tagAlbumArtists: "AC/DC", tagAlbum: "Album")
        try await store.library.upsertLibraryTracks([file], seenAt: hour)
        try await store.library.save([
            TrackMatchRecord(
                filepath: file.filepath, fingerprint: file.fingerprint,
                match: TrackMatch(
                    method: .search, outcome: .ambiguous, spotifyID: "t1", confidence: 0.5, runnerUpID: "t2"),
                matchedAt: now)
        ])
        try await store.publish.recordPublishedPlaylists(
            [
                PublishedPlaylistRecord(
                    account: "admin@http://127.0.0.1:1970", key: "most_played", playlistID: 4, name: "Most played",
                    trackhashes: ["h1", "h/2"], publishedAt: now)
            ], removed: [], account: "admin@http://127.0.0.1:1970")

        #expect(
            try await query(
                """
                SELECT fingerprint, artists, album_artists, quote(album), quote(duration_seconds), quote(isrc),
                    lastfm_artist, lastfm_title, local_play_count, typeof(last_played_at), last_played_at,
                    typeof(seen_at), seen_at
                FROM library_track
                """) == "v1:a|\(names)|[]|NULL|NULL|NULL|AC/DC|Song|3|real|1795575600.0|real|1795579200.0")
        #expect(
            try await query("SELECT * FROM swingmusic_track") == "/music/a.flac|h1|Song|AC/DC;Ça|AC/DC|Album")
        #expect(
            try await query(
                """
                SELECT method, outcome, spotify_id, typeof(confidence), confidence, runner_up_id, typeof(matched_at),
                    matched_at
                FROM track_match
                """) == "search|ambiguous|t1|real|0.5|t2|real|1795575600.0")
        #expect(
            try await query(
                "SELECT playlist_key, playlist_id, name, trackhashes, typeof(published_at), published_at FROM published_playlist"
            ) == #"most_played|4|Most played|["h1","h\/2"]|real|1795575600.0"#)
    }
}
