extension ISRCFactTable {
    /// The artists credited on the recording of an ISRC as MusicBrainz knows them — name, sort name and aliases in
    /// every script — from the recording look-up made for its genres (issue 23); the matcher weighs a Spotify
    /// candidate's artists against them as well as against the file's tags. `artists` is a JSON list of
    /// `{"name", "sortName", "aliases"}`.
    package static let musicBrainzArtist = ISRCFactTable(
        name: "musicbrainz_artist", source: "musicbrainz", figures: ["artists"], migration: "v12-musicbrainz-artist",
        schema: """
            CREATE TABLE musicbrainz_artist (
                isrc TEXT PRIMARY KEY NOT NULL,
                artists TEXT,
                source TEXT NOT NULL,
                missing_reason TEXT,
                fetched_at REAL NOT NULL,
                expires_at REAL NOT NULL
            );
            CREATE INDEX musicbrainz_artist_expires_at ON musicbrainz_artist(expires_at);
            """)
}
