extension ISRCFactTable {
    /// Deezer's popularity (`rank`, up to about 1 000 000), tempo (`bpm`) and loudness (`gain`, dB) of a track, from
    /// the ISRC look-up made for its link (issue 25); NULL where its answer has no such figure.
    package static let deezerTrack = ISRCFactTable(
        name: "deezer_track", source: "deezer", figures: ["rank", "bpm", "gain"], migration: "v10-deezer-track",
        schema: """
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
            """)
}
