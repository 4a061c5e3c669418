import Foundation
import SwingCache

extension ISRCFactTable {
    /// What this table's migration runs: its schema and, when it shows figures in `swingcache_library`
    /// (``libraryFigures``), that view made again with the figures of every table registered up to this one.
    var migrationSQL: String {
        guard let index = Self.registered.firstIndex(where: { $0.name == name }) else { return schema }
        return Self.migrationSQL(of: self, after: Array(Self.registered[..<index]))
    }

    /// The migration of `table`, registered after `earlier`: its schema, then — if it shows figures —
    /// `swingcache_library` made again showing the figures of `earlier` and `table`. A view made again keeps its
    /// columns and results and adds the new ones after them; `swingcache_library_export` reads the view with
    /// `l.*`, so it shows them too, before its own columns.
    package static func migrationSQL(of table: ISRCFactTable, after earlier: [ISRCFactTable]) -> String {
        guard !table.libraryFigures.isEmpty else { return table.schema }
        return table.schema + "\nDROP VIEW swingcache_library;\n" + libraryView(showing: earlier + [table]) + "\n"
    }

    /// `swingcache_library` as the store's own migrations define it (`v9-musicbrainz-search`), with the
    /// ``libraryFigures`` of `tables` after its columns, each read from the table's row for the file's ISRC (its
    /// own, else its match's, else a MusicBrainz search's). With no figures shown, v9's definition as it is.
    package static func libraryView(showing tables: [ISRCFactTable]) -> String {
        let definitions = AppDatabase.schemaV9Views
        guard let start = definitions.range(of: "CREATE VIEW swingcache_library AS") else {
            preconditionFailure("v9 no longer defines swingcache_library")
        }
        let view = String(definitions[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = tables.filter { !$0.libraryFigures.isEmpty }
        guard !shown.isEmpty else { return view }
        let columns = shown.flatMap { table in
            table.libraryFigures.map { "\(table.name).\($0) AS \(table.source)_\($0)" }
        }
        let joins = shown.map { "LEFT JOIN \($0.name) ON \($0.name).isrc = coalesce(lt.isrc, t.isrc, ms.isrc)" }
        func edited(_ text: String, _ anchor: String, _ replacement: String) -> String {
            precondition(text.contains(anchor), "v9's swingcache_library no longer reads '\(anchor)'")
            return text.replacingOccurrences(of: anchor, with: replacement)
        }
        let seenAt = "datetime(lt.seen_at, 'unixepoch') AS seen_at"
        let playCounts = "LEFT JOIN swingcache_play_counts AS pc"
        let shownColumns = edited(view, seenAt, ([seenAt] + columns).joined(separator: ",\n    "))
        return edited(shownColumns, playCounts, (joins + [playCounts]).joined(separator: "\n"))
    }
}
