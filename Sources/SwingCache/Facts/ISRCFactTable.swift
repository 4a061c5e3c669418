/// A table of a provider's own facts, one row per ISRC: what the store needs to write, read, evict and show them
/// without naming the provider.
///
/// The table has the columns `isrc` (its key), one per figure, `source`, `missing_reason`, `fetched_at` and
/// `expires_at`. Its ``migration`` creates it, after the store's own migrations, in the order of ``registered``;
/// cleanup evicts every registered table by `expires_at`; the enriched track reads each for its ISRC, and `explain`
/// and `get --json` show its figures and freshness under ``source``; a provider whose freshness goes by its table
/// asks by ``key(_:)``; the figures it names in ``libraryFigures`` are columns of `swingcache_library`, which its
/// migration makes again from the registry. A provider adds its table by a declaration (`ISRCFactTable+NAME.swift`)
/// and one line in ``registered``.
///
/// ```swift
/// for table in ISRCFactTable.registered { print(table.name, table.figures) }
/// ```
package struct ISRCFactTable: Hashable, Sendable {
    /// The table: `deezer_track`.
    package var name: String
    /// The service the facts come from, by its name in the ledger, `explain` and `get --json`: `deezer`.
    package var source: String
    /// The figures' columns: `rank`, `bpm`, `gain`.
    package var figures: [String]
    /// The identifier of the migration that creates the table: `v10-deezer-track`. Never change one that shipped.
    package var migration: String
    /// The SQL of that migration: the table and its index on `expires_at`, nothing else.
    package var schema: String
    /// The figures `swingcache_library` (and so `export`) shows for a file's ISRC, each as the column
    /// `SOURCE_FIGURE` after the view's own; none for a table only `explain` and `get --json` show. Set once, with
    /// the table's migration: that migration makes the view again (``migrationSQL``).
    package var libraryFigures: [String]

    package init(
        name: String, source: String, figures: [String], migration: String, schema: String,
        libraryFigures: [String] = []
    ) {
        self.name = name
        self.source = source
        self.figures = figures
        self.migration = migration
        self.schema = schema
        self.libraryFigures = libraryFigures
    }

    /// Every provider's fact table, in the order their migrations were added; the migrations, cleanup, the enriched
    /// track, `explain` and `get --json` iterate it.
    package static let registered: [ISRCFactTable] = [.deezerTrack, .musicBrainzArtist]

    /// The key whose freshness is this table's row for `isrc`: `ISRCFactTable.deezerTrack.key("GBUM71029604")`.
    package func key(_ isrc: String) -> EnrichmentKey { .isrcFact(table: name, isrc: isrc) }
}
