extension AppDatabase {
    /// The library, its matches and the providers' facts (issue 6).
    ///
    /// Every fact is stored once, under the key it is asked by: Last.fm by the (artist, title) it was asked with,
    /// so files of the same song share one answer; MusicBrainz and links by ISRC, ListenBrainz by recording mbid.
    /// Each has `fetched_at` and `expires_at`; a known-missing answer is a row with `missing_reason` (or, where
    /// the service answers null, NULL figures) and its own shorter expiry.
    static let schemaV2Enrichment = """
        CREATE TABLE library_track (
            filepath TEXT PRIMARY KEY NOT NULL,
            fingerprint TEXT NOT NULL,
            title TEXT NOT NULL,
            artists TEXT NOT NULL DEFAULT '[]',
            album_artists TEXT NOT NULL DEFAULT '[]',
            album TEXT,
            duration_seconds INTEGER,
            isrc TEXT,
            lastfm_artist TEXT NOT NULL,
            lastfm_title TEXT NOT NULL,
            local_play_count INTEGER NOT NULL DEFAULT 0,
            last_played_at REAL,
            seen_at REAL NOT NULL
        );
        CREATE INDEX library_track_isrc ON library_track(isrc);
        CREATE INDEX library_track_lastfm ON library_track(lastfm_artist, lastfm_title);
        CREATE INDEX library_track_seen_at ON library_track(seen_at);

        CREATE TABLE track_match (
            filepath TEXT PRIMARY KEY NOT NULL REFERENCES library_track(filepath) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            method TEXT NOT NULL,
            outcome TEXT NOT NULL,
            spotify_id TEXT,
            confidence REAL NOT NULL,
            runner_up_id TEXT,
            matched_at REAL NOT NULL
        );
        CREATE INDEX track_match_spotify_id ON track_match(spotify_id);

        CREATE TABLE lastfm_track (
            artist TEXT NOT NULL,
            title TEXT NOT NULL,
            playcount INTEGER,
            listeners INTEGER,
            user_playcount INTEGER,
            username TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            mbid TEXT,
            url TEXT,
            missing_reason TEXT,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            PRIMARY KEY (artist, title)
        );
        CREATE INDEX lastfm_track_expires_at ON lastfm_track(expires_at);

        CREATE TABLE musicbrainz_recording (
            isrc TEXT PRIMARY KEY NOT NULL,
            mbids TEXT NOT NULL DEFAULT '[]',
            genres TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            missing_reason TEXT,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX musicbrainz_recording_expires_at ON musicbrainz_recording(expires_at);

        CREATE TABLE listenbrainz_popularity (
            mbid TEXT PRIMARY KEY NOT NULL,
            listen_count INTEGER,
            user_count INTEGER,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX listenbrainz_popularity_expires_at ON listenbrainz_popularity(expires_at);

        CREATE TABLE track_link (
            isrc TEXT NOT NULL,
            platform TEXT NOT NULL,
            url TEXT,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            PRIMARY KEY (isrc, platform)
        );
        CREATE INDEX track_link_expires_at ON track_link(expires_at);

        CREATE TABLE enrichment_setting (
            name TEXT PRIMARY KEY NOT NULL,
            value
        ) WITHOUT ROWID;

        CREATE VIEW swingcache_play_counts AS
            SELECT filepath,
                localPlayCount, 'swingmusic' AS localSource, datetime(localReadAt, 'unixepoch') AS localReadAt,
                NULL AS spotifyPlayCount,
                spotifyPopularity,
                CASE WHEN spotifyPopularity IS NOT NULL THEN 'spotify' END AS spotifySource,
                CASE WHEN spotifyPopularity IS NOT NULL THEN datetime(spotifyFetchedAt, 'unixepoch') END
                    AS spotifyFetchedAt,
                lastfmPlayCount, lastfmListeners, lastfmUserPlayCount, lastfmUsername,
                CASE WHEN lastfmPlayCount IS NOT NULL THEN 'lastfm' END AS lastfmSource,
                datetime(lastfmFetchedAt, 'unixepoch') AS lastfmFetchedAt,
                listenbrainzPlayCount,
                CASE WHEN listenbrainzPlayCount IS NOT NULL THEN 'listenbrainz' END AS listenbrainzSource,
                datetime(listenbrainzFetchedAt, 'unixepoch') AS listenbrainzFetchedAt,
                lastfmScrobblesLocalPlays,
                CASE WHEN lastfmPlayCount IS NULL OR lastfmScrobblesLocalPlays = 0 THEN localPlayCount
                     WHEN lastfmUserPlayCount IS NULL THEN 0
                     ELSE max(0, localPlayCount - lastfmUserPlayCount) END AS localPlaysUnseenByLastfm,
                CASE WHEN lastfmPlayCount IS NULL THEN 0
                     ELSE max(lastfmPlayCount, coalesce(lastfmUserPlayCount, 0)) END
                + CASE WHEN lastfmPlayCount IS NULL OR lastfmScrobblesLocalPlays = 0 THEN localPlayCount
                     WHEN lastfmUserPlayCount IS NULL THEN 0
                     ELSE max(0, localPlayCount - lastfmUserPlayCount) END
                + coalesce(listenbrainzPlayCount, 0) AS totalCombined
            FROM (
                SELECT lt.filepath, lt.local_play_count AS localPlayCount, lt.seen_at AS localReadAt,
                    t.popularity AS spotifyPopularity, t.fetched_at AS spotifyFetchedAt,
                    lf.playcount AS lastfmPlayCount, lf.listeners AS lastfmListeners,
                    lf.user_playcount AS lastfmUserPlayCount, lf.username AS lastfmUsername,
                    CASE WHEN lf.playcount IS NOT NULL THEN lf.fetched_at END AS lastfmFetchedAt,
                    (SELECT SUM(p.listen_count)
                     FROM musicbrainz_recording AS r, json_each(r.mbids) AS j
                     JOIN listenbrainz_popularity AS p ON p.mbid = j.value
                     WHERE r.isrc = coalesce(lt.isrc, t.isrc)) AS listenbrainzPlayCount,
                    (SELECT MIN(p.fetched_at)
                     FROM musicbrainz_recording AS r, json_each(r.mbids) AS j
                     JOIN listenbrainz_popularity AS p ON p.mbid = j.value
                     WHERE r.isrc = coalesce(lt.isrc, t.isrc) AND p.listen_count IS NOT NULL) AS listenbrainzFetchedAt,
                    coalesce(
                        (SELECT value FROM enrichment_setting WHERE name = 'lastfm_scrobbles_local_plays'), 1)
                        AS lastfmScrobblesLocalPlays
                FROM library_track AS lt
                LEFT JOIN track_match AS m
                    ON m.filepath = lt.filepath AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
                LEFT JOIN track AS t ON t.id = m.spotify_id
                LEFT JOIN lastfm_track AS lf
                    ON lf.artist = lt.lastfm_artist AND lf.title = lt.lastfm_title AND lf.missing_reason IS NULL
            );

        CREATE VIEW swingcache_library AS
            SELECT lt.filepath, lt.title,
                (SELECT group_concat(value, ', ') FROM json_each(lt.artists)) AS artists,
                lt.album, lt.duration_seconds, lt.isrc, lt.local_play_count,
                datetime(lt.last_played_at, 'unixepoch') AS last_played_at,
                m.outcome AS match_outcome, m.method AS match_method, m.confidence AS match_confidence,
                m.fingerprint = lt.fingerprint AS match_is_current,
                t.id AS spotify_id, t.name AS spotify_name,
                (SELECT group_concat(value, ', ') FROM json_each(t.artist_names)) AS spotify_artists,
                t.album_name AS spotify_album, t.isrc AS spotify_isrc, t.duration_ms AS spotify_duration_ms,
                t.popularity AS spotify_popularity, t.release_date AS spotify_release_date,
                t.image_url AS spotify_image_url,
                json_extract(mb.mbids, '$[0]') AS mbid, mb.genres AS genres, mb.tags AS musicbrainz_tags,
                lf.tags AS lastfm_tags, lf.url AS lastfm_url,
                (SELECT json_group_object(l.platform, l.url) FROM track_link AS l
                 WHERE l.isrc = coalesce(lt.isrc, t.isrc) AND l.url IS NOT NULL) AS links,
                pc.totalCombined AS total_play_count,
                datetime(lt.seen_at, 'unixepoch') AS seen_at
            FROM library_track AS lt
            LEFT JOIN track_match AS m ON m.filepath = lt.filepath
            LEFT JOIN track AS t ON t.id = m.spotify_id AND m.outcome = 'matched' AND m.fingerprint = lt.fingerprint
            LEFT JOIN musicbrainz_recording AS mb
                ON mb.isrc = coalesce(lt.isrc, t.isrc) AND mb.missing_reason IS NULL
            LEFT JOIN lastfm_track AS lf
                ON lf.artist = lt.lastfm_artist AND lf.title = lt.lastfm_title AND lf.missing_reason IS NULL
            LEFT JOIN swingcache_play_counts AS pc ON pc.filepath = lt.filepath;
        """
}
