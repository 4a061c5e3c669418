extension AppDatabase {
    /// Each library file as SwingMusic shows it (issue 13): its runtime track hash and the raw tags beside the
    /// cleaned title and artists `library_track` holds.
    ///
    /// Columns are only ever added: the views of `v2-enrichment` stay as they are, and
    /// `swingcache_library_export` gives every column of `swingcache_library` and, after them, the artists as a
    /// JSON array (which a comma-joined string cannot carry for "Tyler, The Creator"), the hash and the raw tags.
    static let schemaV6SwingMusicTrack = """
        CREATE TABLE swingmusic_track (
            filepath TEXT PRIMARY KEY NOT NULL REFERENCES library_track(filepath) ON DELETE CASCADE,
            trackhash TEXT NOT NULL,
            tag_title TEXT NOT NULL,
            tag_artists TEXT NOT NULL,
            tag_album_artists TEXT NOT NULL,
            tag_album TEXT NOT NULL
        );
        CREATE INDEX swingmusic_track_trackhash ON swingmusic_track(trackhash);

        CREATE VIEW swingcache_library_export AS
            SELECT l.*, lt.artists AS artists_json, s.trackhash AS swingmusic_trackhash,
                s.tag_title, s.tag_artists, s.tag_album
            FROM swingcache_library AS l
            JOIN library_track AS lt ON lt.filepath = l.filepath
            LEFT JOIN swingmusic_track AS s ON s.filepath = l.filepath;
        """
}
