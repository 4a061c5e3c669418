/// How `exportLibrary` writes the `swingcache_library` view.
package enum LibraryExportFormat: String, Hashable, Sendable, CaseIterable {
    /// One JSON array of objects, one per file; list and link columns are embedded as JSON, not as text.
    case json
    /// RFC 4180: a header line, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
    case csv
}
