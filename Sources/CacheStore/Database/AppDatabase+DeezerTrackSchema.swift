extension AppDatabase {
    /// The `deezer_track` table: what Deezer's ISRC look-up for links also says of the track (issue 25), NULL
    /// where its answer has no such figure.
    static let schemaV10DeezerTrack = """
        CREATE TABLE deezer_track (
            isrc TEXT PRIMARY KEY NOT NULL,
            rank INTEGER,
            bpm REAL,
            gain REAL,
            source TEXT NOT NULL,
            missing_reason TEXT,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX deezer_track_expires_at ON deezer_track(expires_at);
        """
}

extension ISRCFactTable {
    /// Deezer's popularity (`rank`, up to about 1 000 000), tempo (`bpm`) and loudness (`gain`, dB) of a track.
    package static let deezerTrack = ISRCFactTable(
        name: "deezer_track", source: "deezer", figures: ["rank", "bpm", "gain"])
}
