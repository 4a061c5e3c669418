import GRDB
import SwingCache

extension AppDatabase {
    /// Every schema change, in order. Never edit a migration that has shipped: add one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-entities-ledger-runs") { db in
            try db.execute(sql: schemaV1)
        }
        migrator.registerMigration("v2-enrichment") { db in
            try db.execute(sql: schemaV2Enrichment)
        }
        migrator.registerMigration("v3-quota-observations") { db in
            try db.execute(sql: schemaV3QuotaObservations)
        }
        migrator.registerMigration("v4-entity-changes") { db in
            try db.execute(sql: schemaV4EntityChanges)
        }
        migrator.registerMigration("v5-match-reviews") { db in
            try db.execute(sql: schemaV5MatchReviews)
        }
        migrator.registerMigration("v6-swingmusic-track") { db in
            try db.execute(sql: schemaV6SwingMusicTrack)
        }
        migrator.registerMigration("v7-publish") { db in
            try db.execute(sql: schemaV7Publish)
        }
        migrator.registerMigration("v8-library-added") { db in
            try db.execute(sql: schemaV8LibraryAdded)
        }
        migrator.registerMigration("v9-musicbrainz-search") { db in
            try db.execute(sql: schemaV9MusicBrainzSearch)
            try db.execute(sql: schemaV9Views)
        }
        // The providers' fact tables, each by its own migration; the store's own later ones follow. A database that
        // lacks one of them gets it on its next open, whatever it applied since (GRDB runs what is not applied yet).
        // A table that shows figures in swingcache_library makes that view again (ISRCFactTable+LibraryView).
        for table in ISRCFactTable.registered {
            migrator.registerMigration(table.migration) { db in
                try create(table, after: Array(ISRCFactTable.registered.prefix { $0.name != table.name }), db)
            }
        }
        migrator.registerMigration("v11-unmatched-listens") { db in
            try db.execute(sql: schemaV11UnmatchedListens)
        }
        migrator.registerMigration("v13-library-popularity") { db in
            try db.execute(sql: schemaV13LibraryPopularity)
        }
        return migrator
    }()

    /// For a read-only open of a database an older version wrote: the tables and views of each migration it
    /// lacks, created empty in the connection's own TEMP schema, so a read finds nothing instead of failing.
    ///
    /// Only migrations that add tables and views can stand in this way; one that changes an existing table
    /// would need the next write to migrate first.
    static let readOnlyStandIns: [String: String] = ownStandIns.merging(
        ISRCFactTable.registered.map { ($0.migration, temporary($0.schema)) }, uniquingKeysWith: { own, _ in own })

    private static let ownStandIns: [String: String] = [
        "v2-enrichment": temporary(schemaV2Enrichment),
        "v3-quota-observations": temporary(schemaV3QuotaObservations),
        "v4-entity-changes": temporary(schemaV4EntityChanges),
        "v5-match-reviews": temporary(schemaV5MatchReviews),
        "v6-swingmusic-track": temporary(schemaV6SwingMusicTrack),
        "v7-publish": temporary(schemaV7Publish),
        "v8-library-added": temporary(schemaV8LibraryAdded),
        "v9-musicbrainz-search": temporary(schemaV9MusicBrainzSearch),
        "v11-unmatched-listens": temporary(schemaV11UnmatchedListens),
        "v13-library-popularity": temporary(libraryPopularityView),
    ]

    /// When each library file was added, as SwingMusic knows it: the second key of the order files are matched in.
    private static let schemaV8LibraryAdded = """
        CREATE TABLE library_track_added (
            filepath TEXT PRIMARY KEY NOT NULL REFERENCES library_track(filepath) ON DELETE CASCADE,
            added_at REAL NOT NULL
        ) WITHOUT ROWID;
        """

    /// The candidates each match weighed, and a person's decisions (`swingcache review pin|reject`), each for the
    /// tags it was made for.
    private static let schemaV5MatchReviews = """
        CREATE TABLE match_candidate (
            filepath TEXT PRIMARY KEY NOT NULL,
            fingerprint TEXT NOT NULL,
            candidates TEXT NOT NULL DEFAULT '[]'
        ) WITHOUT ROWID;

        CREATE TABLE match_decision (
            filepath TEXT PRIMARY KEY NOT NULL,
            fingerprint TEXT NOT NULL,
            decision TEXT NOT NULL,
            spotify_id TEXT,
            decided_at REAL NOT NULL
        ) WITHOUT ROWID;
        """

    /// Each cached entity's content digest and how many refreshes in a row brought it back unchanged, for
    /// change-aware freshness (`ttl_max`).
    private static let schemaV4EntityChanges = """
        CREATE TABLE entity_change (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            content_digest TEXT NOT NULL,
            unchanged_refreshes INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        """

    /// Each `QUOTA_EXCEEDED` a service answered, with what the ledger held then: the latest is the learned ceiling.
    private static let schemaV3QuotaObservations = """
        CREATE TABLE quota_observation (
            id INTEGER PRIMARY KEY,
            service TEXT NOT NULL,
            observed_at REAL NOT NULL,
            requests_in_day INTEGER NOT NULL,
            requests_in_hour INTEGER NOT NULL,
            retry_after REAL
        );
        CREATE INDEX quota_observation_service_time ON quota_observation(service, observed_at);
        """

    /// `schema` with every table, index and view created in TEMP.
    private static func temporary(_ schema: String) -> String {
        schema
            .replacingOccurrences(of: "CREATE TABLE ", with: "CREATE TEMP TABLE ")
            .replacingOccurrences(of: "CREATE VIEW ", with: "CREATE TEMP VIEW ")
            .replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX temp.")
    }

    private static let schemaV1 = """
        CREATE TABLE track (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            album_id TEXT,
            album_name TEXT,
            artist_ids TEXT NOT NULL DEFAULT '[]',
            artist_names TEXT NOT NULL DEFAULT '[]',
            isrc TEXT,
            duration_ms INTEGER,
            explicit INTEGER,
            popularity INTEGER,
            track_number INTEGER,
            disc_number INTEGER,
            release_date TEXT,
            image_url TEXT,
            raw BLOB NOT NULL,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX track_expires_at ON track(expires_at);
        CREATE INDEX track_isrc ON track(isrc);

        CREATE TABLE album (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            album_type TEXT,
            artist_ids TEXT NOT NULL DEFAULT '[]',
            artist_names TEXT NOT NULL DEFAULT '[]',
            release_date TEXT,
            release_date_precision TEXT,
            total_tracks INTEGER,
            upc TEXT,
            label TEXT,
            popularity INTEGER,
            genres TEXT NOT NULL DEFAULT '[]',
            image_url TEXT,
            raw BLOB NOT NULL,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX album_expires_at ON album(expires_at);

        CREATE TABLE artist (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            genres TEXT NOT NULL DEFAULT '[]',
            popularity INTEGER,
            followers INTEGER,
            image_url TEXT,
            raw BLOB NOT NULL,
            fetched_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX artist_expires_at ON artist(expires_at);

        CREATE TABLE missing_entity (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            reason TEXT NOT NULL,
            detected_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE INDEX missing_entity_expires_at ON missing_entity(expires_at);

        CREATE TABLE request_ledger (
            id INTEGER PRIMARY KEY,
            service TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            requested_at REAL NOT NULL,
            status INTEGER NOT NULL,
            run_id INTEGER
        );
        CREATE INDEX request_ledger_service_time ON request_ledger(service, requested_at);

        CREATE TABLE service_mode (
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            mode TEXT NOT NULL,
            learned_at REAL NOT NULL,
            PRIMARY KEY (service, kind)
        ) WITHOUT ROWID;

        CREATE TABLE service_state (
            service TEXT PRIMARY KEY NOT NULL,
            parked_until REAL,
            parked_reason TEXT,
            retry_after_until REAL
        ) WITHOUT ROWID;

        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            jobs TEXT NOT NULL,
            started_at REAL NOT NULL,
            finished_at REAL,
            outcome TEXT,
            pid INTEGER,
            host TEXT,
            fetched INTEGER NOT NULL DEFAULT 0,
            requests INTEGER NOT NULL DEFAULT 0,
            deferred INTEGER NOT NULL DEFAULT 0,
            summary TEXT
        );

        CREATE VIEW swingcache_tracks AS
            SELECT id AS spotify_id, name, album_id, album_name,
                (SELECT group_concat(value, ', ') FROM json_each(track.artist_names)) AS artists,
                artist_ids, isrc, duration_ms, explicit, popularity, track_number, disc_number, release_date,
                image_url,
                datetime(fetched_at, 'unixepoch') AS fetched_at,
                datetime(expires_at, 'unixepoch') AS expires_at,
                expires_at > CAST(strftime('%s', 'now') AS REAL) AS is_fresh
            FROM track;

        CREATE VIEW swingcache_albums AS
            SELECT id AS spotify_id, name, album_type,
                (SELECT group_concat(value, ', ') FROM json_each(album.artist_names)) AS artists,
                artist_ids, release_date, release_date_precision, total_tracks, upc, label, popularity, genres,
                image_url,
                datetime(fetched_at, 'unixepoch') AS fetched_at,
                datetime(expires_at, 'unixepoch') AS expires_at,
                expires_at > CAST(strftime('%s', 'now') AS REAL) AS is_fresh
            FROM album;

        CREATE VIEW swingcache_artists AS
            SELECT id AS spotify_id, name, genres, popularity, followers, image_url,
                datetime(fetched_at, 'unixepoch') AS fetched_at,
                datetime(expires_at, 'unixepoch') AS expires_at,
                expires_at > CAST(strftime('%s', 'now') AS REAL) AS is_fresh
            FROM artist;
        """
}
