import Foundation
import GRDB

extension SwingMusicLibrary {
    /// Up to `limit` tracks after `position` (from the first when nil), in row order.
    ///
    /// Each call is one short read: memory stays bounded by `limit` however large the library, and no read
    /// transaction is held between batches, so the server's WAL file can be checkpointed meanwhile.
    package func tracks(after position: TrackPage.Position? = nil, limit: Int = 1000) throws(SwingMusicLibraryError)
        -> TrackPage
    {
        let limit = max(1, limit)
        let rows = try read { db in
            // `last_mod` is read where SwingMusic has it: the order of matching uses it, nothing depends on it.
            let lastModified = try db.columns(in: "track").contains { $0.name == "last_mod" } ? "last_mod" : "NULL"
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, filepath, title, artists, albumartists, album, duration, \(lastModified) AS last_mod,
                           CASE WHEN json_valid(extra)
                                THEN coalesce(json_extract(extra, '$.isrc'), json_extract(extra, '$.ISRC')) END AS isrc
                    FROM track WHERE id > ? ORDER BY id LIMIT ?
                    """,
                arguments: [position?.rowID ?? Int64.min, limit])
        }
        let tracks = rows.map(libraryTrack)
        let next = rows.count == limit ? rows.last.map { TrackPage.Position(rowID: $0["id"]) } : nil
        return TrackPage(tracks: tracks, next: next)
    }

    /// Calls `body` with every track of the library, `size` at a time.
    ///
    /// `body` runs between reads, never inside one: it may take its time (search Spotify, write elsewhere)
    /// while SwingMusic goes on writing.
    package func forEachTrackBatch(size: Int = 1000, _ body: ([LibraryTrack]) async throws -> Void) async throws {
        var position: TrackPage.Position?
        repeat {
            try Task.checkCancellation()
            let page = try tracks(after: position, limit: size)
            if !page.tracks.isEmpty { try await body(page.tracks) }
            position = page.next
        } while position != nil
    }

    private func libraryTrack(_ row: Row) -> LibraryTrack {
        let tags = TrackTags(
            title: Self.text(row, "title"), artists: Self.text(row, "artists"),
            albumArtists: Self.text(row, "albumartists"), album: Self.text(row, "album"))
        return LibraryTrack(
            filepath: Self.text(row, "filepath"), tags: tags, shown: rules.shown(tags),
            durationSeconds: Self.wholeNumber(row, "duration"),
            isrc: ISRCTag.isrc(fromExtracted: Self.optionalText(row, "isrc")),
            lastModified: Self.time(row, "last_mod"))
    }

    /// A positive number of seconds since 1970 as a date; nil for anything else.
    static func time(_ row: Row, _ column: String) -> Date? {
        let value: DatabaseValue = row[column]
        let seconds: Double? =
            switch value.storage {
            case .int64(let number): Double(number)
            case .double(let number) where number.isFinite: number
            case .string(let text): Double(text)
            default: nil
            }
        guard let seconds, seconds > 0, seconds.isFinite else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The column as text whatever SQLite holds in it: SwingMusic's columns are declared, not enforced.
    static func optionalText(_ row: Row, _ column: String) -> String? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    static func text(_ row: Row, _ column: String) -> String { optionalText(row, column) ?? "" }

    static func wholeNumber(_ row: Row, _ column: String) -> Int {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .int64(let number): return Int(clamping: number)
        case .double(let number) where number.isFinite: return Int(number)
        case .string(let text): return Double(text).flatMap { $0.isFinite ? Int($0) : nil } ?? 0
        default: return 0
        }
    }
}
