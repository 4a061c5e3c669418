extension AppDatabase {
    /// What `swingcache publish` wrote into SwingMusic: its playlists, the plays it imported, and how far each
    /// user's history was imported.
    /// The listens of a user's history that matched no library song yet, kept so a song added later gets its older
    /// plays: the history cursor has moved past them.
    static let schemaV11UnmatchedListens = """
        CREATE TABLE unmatched_listen (
            swingmusic_user TEXT NOT NULL,
            source TEXT NOT NULL,
            listened_at INTEGER NOT NULL,
            artist TEXT NOT NULL,
            title TEXT NOT NULL,
            album TEXT,
            recording_mbid TEXT,
            PRIMARY KEY (swingmusic_user, source, listened_at, artist, title)
        ) WITHOUT ROWID;
        """

    static let schemaV7Publish = """
        CREATE TABLE published_playlist (
            account TEXT NOT NULL,
            playlist_key TEXT NOT NULL,
            playlist_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            trackhashes TEXT NOT NULL DEFAULT '[]',
            published_at REAL NOT NULL,
            PRIMARY KEY (account, playlist_key)
        ) WITHOUT ROWID;

        CREATE TABLE imported_play (
            swingmusic_user TEXT NOT NULL,
            trackhash TEXT NOT NULL,
            listened_at INTEGER NOT NULL,
            source TEXT NOT NULL,
            filepath TEXT,
            imported_at REAL NOT NULL,
            PRIMARY KEY (swingmusic_user, trackhash, listened_at)
        ) WITHOUT ROWID;
        CREATE INDEX imported_play_trackhash ON imported_play(trackhash);

        CREATE TABLE history_cursor (
            swingmusic_user TEXT NOT NULL,
            source TEXT NOT NULL,
            service_user TEXT NOT NULL,
            newest_listened_at INTEGER NOT NULL,
            PRIMARY KEY (swingmusic_user, source, service_user)
        ) WITHOUT ROWID;
        """
}
