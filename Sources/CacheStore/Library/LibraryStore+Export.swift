import Foundation
import GRDB
import SwingCache

extension LibraryStore {
    /// Writes every row of `swingcache_library_export` (`swingcache_library` and the SwingMusic columns after it), by
    /// file path, and returns how many there were.
    ///
    /// Rows are read with a cursor and written through a small buffer, so memory stays the same for ten files
    /// or a million; `write` is called with chunks of about 64 KiB. The whole export is one read transaction:
    /// one consistent state, while runs go on writing.
    /// ```swift
    /// let rows = try await store.exportLibrary(format: .csv) { chunk in try handle.write(contentsOf: chunk) }
    /// ```
    @discardableResult
    package func exportLibrary(format: LibraryExportFormat, to write: @Sendable (Data) throws -> Void) async throws
        -> Int
    {
        try await writer.read { db in
            let statement = try db.makeStatement(sql: "SELECT * FROM swingcache_library_export ORDER BY filepath")
            let columns = statement.columnNames
            var output = ExportBuffer()
            var count = 0
            let rows = try Row.fetchCursor(statement)
            switch format {
            case .json:
                output.append("[")
                while let row = try rows.next() {
                    output.append(count == 0 ? "\n" : ",\n")
                    Self.appendJSONObject(row, columns: columns, to: &output)
                    count += 1
                    try output.flushIfFull(to: write)
                }
                output.append(count == 0 ? "]\n" : "\n]\n")
            case .csv:
                output.append(columns.map(Self.csvField).joined(separator: ","))
                output.append("\r\n")
                while let row = try rows.next() {
                    for index in columns.indices {
                        if index > 0 { output.append(",") }
                        output.append(Self.csvField(Self.text(row[index] as DatabaseValue)))
                    }
                    output.append("\r\n")
                    count += 1
                    try output.flushIfFull(to: write)
                }
            }
            try output.flush(to: write)
            return count
        }
    }

    /// Writes the export to `handle`, as the writer-closure form does.
    @discardableResult
    package func exportLibrary(format: LibraryExportFormat, to handle: FileHandle) async throws -> Int {
        try await exportLibrary(format: format) { chunk in try handle.write(contentsOf: chunk) }
    }

    /// Columns whose text is JSON the store wrote itself: exported as JSON values, not strings.
    private static let jsonColumns: Set<String> = [
        "genres", "musicbrainz_tags", "lastfm_tags", "links", "artists_json",
    ]

    /// One row as a JSON object, written here rather than by `JSONEncoder`: its keys keep the columns' order (Foundation's
    /// encoder on Linux writes an object's keys in hash order, or sorted) and the JSON columns are copied as stored.
    private static func appendJSONObject(_ row: Row, columns: [String], to output: inout ExportBuffer) {
        output.append("{")
        for (index, column) in columns.enumerated() {
            if index > 0 { output.append(",") }
            JSONValue.appendQuoted(column, to: &output.bytes)
            output.append(":")
            let value: DatabaseValue = row[index]
            switch value.storage {
            case .null: output.append("null")
            case .int64(let number): output.append(String(number))
            case .double(let number): output.append(number.isFinite ? String(number) : "null")
            case .string(let text) where jsonColumns.contains(column): output.append(text)
            case .string(let text): JSONValue.appendQuoted(text, to: &output.bytes)
            case .blob(let data): JSONValue.appendQuoted(data.base64EncodedString(), to: &output.bytes)
            }
        }
        output.append("}")
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }

    /// A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    private static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Bytes on their way to the export's writer, handed over about 64 KiB at a time.
private struct ExportBuffer {
    var bytes: [UInt8] = []
    private let limit = 64 * 1024

    init() {
        bytes.reserveCapacity(limit + 4096)
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func flushIfFull(to write: (Data) throws -> Void) throws {
        if bytes.count >= limit { try flush(to: write) }
    }

    mutating func flush(to write: (Data) throws -> Void) throws {
        guard !bytes.isEmpty else { return }
        try write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
