import Foundation
import GRDB
import SwingCache
import SwingMusicLibrary

/// Makes a SwingMusic database the way SwingMusic makes it: its tables, columns and types, WAL mode, and JSON
/// written as Python's `json.dumps` writes it.
///
/// ```swift
/// let folder = try TemporaryDirectory()
/// let swingMusic = try SwingMusicLibraryBuilder(in: folder)
/// try swingMusic.addTrack(SwingMusicTrackRow(filepath: "/music/a.flac", title: "A", isrc: .text("USRC17607839")))
/// try swingMusic.addScrobbles(filepath: "/music/a.flac", count: 3)
/// let library = try swingMusic.library()
/// ```
///
/// The builder keeps its connection open, as the server does, so tests read beside a live writer.
package final class SwingMusicLibraryBuilder: Sendable {
    package let path: String
    private let writer: DatabaseQueue

    /// The tables SwingMusic's SQLAlchemy models create (`swingmusic/db/libdata.py`, `swingmusic/db/userdata.py`),
    /// in the DDL `create_all` emits for SQLite.
    package static let schema = """
        CREATE TABLE track (
            id INTEGER NOT NULL,
            album VARCHAR NOT NULL,
            albumartists VARCHAR NOT NULL,
            albumhash VARCHAR NOT NULL,
            artists VARCHAR NOT NULL,
            bitrate INTEGER NOT NULL,
            copyright VARCHAR,
            date INTEGER,
            disc INTEGER NOT NULL,
            duration INTEGER NOT NULL,
            filepath VARCHAR NOT NULL,
            folder VARCHAR NOT NULL,
            genres VARCHAR,
            last_mod INTEGER NOT NULL,
            title VARCHAR NOT NULL,
            track INTEGER NOT NULL,
            trackhash VARCHAR NOT NULL,
            lastplayed INTEGER NOT NULL,
            playcount INTEGER NOT NULL,
            playduration INTEGER NOT NULL,
            extra JSON,
            PRIMARY KEY (id)
        );
        CREATE INDEX ix_track_albumhash ON track (albumhash);
        CREATE UNIQUE INDEX ix_track_filepath ON track (filepath);
        CREATE INDEX ix_track_folder ON track (folder);
        CREATE INDEX ix_track_trackhash ON track (trackhash);
        CREATE TABLE "user" (
            id INTEGER NOT NULL,
            image VARCHAR,
            password VARCHAR NOT NULL,
            username VARCHAR NOT NULL,
            roles JSON NOT NULL,
            extra JSON,
            PRIMARY KEY (id)
        );
        CREATE INDEX ix_user_username ON "user" (username);
        CREATE TABLE scrobble (
            id INTEGER NOT NULL,
            trackhash VARCHAR NOT NULL,
            duration INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            source VARCHAR NOT NULL,
            userid INTEGER NOT NULL,
            extra JSON,
            PRIMARY KEY (id),
            FOREIGN KEY(userid) REFERENCES "user" (id) ON DELETE cascade
        );
        CREATE INDEX ix_scrobble_trackhash ON scrobble (trackhash);
        CREATE INDEX ix_scrobble_userid ON scrobble (userid);
        """

    /// Creates `name` in `folder` with SwingMusic's schema and its first user, `admin` (id 1).
    package init(in folder: TemporaryDirectory, name: String = "swingmusic.db") throws {
        path = folder.file(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // What SwingMusic's engine sets on every connection.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        writer = try DatabaseQueue(path: path, configuration: configuration)
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try writer.write { db in try db.execute(sql: Self.schema) }
        try addUser("admin")
    }

    /// A reader of this database; `rules` nil: the ones the settings in its folder give.
    package func library(rules: SwingMusicRules? = nil) throws -> SwingMusicLibrary {
        try SwingMusicLibrary.open(SwingMusicDatabaseLocation(path: path), rules: rules)
    }

    /// Runs `body` while this connection holds SQLite's exclusive lock, as SwingMusic's writer holds it while it
    /// commits to a database in rollback-journal mode: a reader meanwhile finds the database busy.
    package func whileLockedForWriting<T>(_ body: () throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            return try body()
        }
    }

    /// The rules SwingMusic follows for this database: its folder's settings.
    package func rules() throws -> SwingMusicRules {
        try SwingMusicRules(SwingMusicSettings.read(folder: SwingMusicDatabaseLocation(path: path).folder))
    }

    /// Adds a user as SwingMusic's `insert_default_user` does, and returns its id.
    @discardableResult
    package func addUser(_ name: String) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO \"user\" (password, username, roles, extra) VALUES (?, ?, ?, ?)",
                arguments: ["not-a-real-hash", name, PythonJSON.list([.text("admin")]).text, "{}"])
            return db.lastInsertedRowID
        }
    }

    package func addTrack(_ track: SwingMusicTrackRow) throws {
        try addTracks([track])
    }

    /// Adds `tracks` in one transaction, as a scan does.
    package func addTracks(_ tracks: [SwingMusicTrackRow]) throws {
        try writer.write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO track (album, albumartists, albumhash, artists, bitrate, copyright, date, disc,
                        duration, filepath, folder, genres, last_mod, title, track, trackhash, lastplayed, playcount,
                        playduration, extra)
                    VALUES (?, ?, ?, ?, 320, NULL, 1262304000, 1, ?, ?, ?, 'Rock', ?, ?, 1, ?, 0, 0, 0, ?)
                    """)
            for track in tracks {
                let folder = (track.filepath as NSString).deletingLastPathComponent
                try statement.execute(arguments: [
                    track.album, track.albumArtists ?? track.artists, Self.hash(track.album, track.artists),
                    track.artists, track.duration, track.filepath, folder, track.lastModified, track.title,
                    Self.trackhash(track), track.extra.text,
                ])
            }
        }
    }

    /// Records `count` plays of `filepath` by `user`, one second apart from `timestamp` on, in one transaction,
    /// as SwingMusic's `/logger/track/log` writes them: the song's runtime hash, and an `extra` JSON naming the file
    /// (none with `extra: false`, as rows restored from a backup may be). A path that is no track gets a hash of
    /// its own, which names no song of the library.
    package func addScrobbles(
        filepath: String, user: String = "admin", count: Int = 1, timestamp: Int = 1_795_575_600, duration: Int = 200,
        extra: Bool = true
    ) throws {
        let rules = try rules()
        let shown = try writer.read { db -> ShownTrack? in
            try Row.fetchOne(db, sql: "SELECT * FROM track WHERE filepath = ?", arguments: [filepath]).map { row in
                rules.shown(
                    TrackTags(
                        title: row["title"], artists: row["artists"], albumArtists: row["albumartists"],
                        album: row["album"]))
            }
        }
        let trackhash = shown?.trackhash ?? SwingMusicHash.of(["gone", filepath])
        let json = PythonJSON.object([
            ("filepath", .text(filepath)), ("title", .text(shown?.title ?? "Gone")),
            ("artists", .list((shown?.artists ?? ["An Artist"]).map(PythonJSON.text))),
            ("album", .text(Self.hash("An Album"))),
        ])
        try addScrobbles(
            trackhash: trackhash, user: user, count: count, timestamp: timestamp, duration: duration,
            extra: extra ? json.text : nil)
    }

    /// Records `count` plays of the song `trackhash` by `user`, with `extra` as given.
    package func addScrobbles(
        trackhash: String, user: String = "admin", count: Int = 1, timestamp: Int = 1_795_575_600, duration: Int = 200,
        extra: String? = nil
    ) throws {
        try writer.write { db in
            guard
                let userID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM \"user\" WHERE username = ?", arguments: [user])
            else {
                throw SwingMusicLibraryBuilderError(description: "no user '\(user)' in the test database")
            }
            let statement = try db.makeStatement(
                sql:
                    "INSERT INTO scrobble (trackhash, duration, timestamp, source, userid, extra) VALUES (?, ?, ?, ?, ?, ?)"
            )
            for offset in 0..<count {
                try statement.execute(arguments: [
                    trackhash, duration, timestamp + offset, "tr:" + trackhash, userID, extra,
                ])
            }
        }
    }

    /// Runs `sql` on the database, for the odd row or schema change a test needs.
    package func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// Closes the connection: SQLite checkpoints the WAL into the database file and removes it.
    package func close() throws {
        try writer.close()
    }

    /// Stands in for the hashes SwingMusic stores in `track` (of the raw tags, never the runtime one): stable, which is
    /// all tests need.
    static func hash(_ parts: String...) -> String {
        String(String(StableHash.fnv1a64(parts.joined(separator: "|")), radix: 16).suffix(10))
    }

    private static func trackhash(_ track: SwingMusicTrackRow) -> String {
        hash(track.artists, track.album, track.title)
    }
}

/// One row of SwingMusic's `track` table, as its scanner writes it from a file's tags.
package struct SwingMusicTrackRow: Sendable {
    package var filepath: String
    package var title: String
    /// The tag's text, separators and all: "Queen/David Bowie".
    package var artists: String
    /// Nil: the scanner copies `artists`.
    package var albumArtists: String?
    package var album: String
    package var duration: Int
    package var isrc: ISRCTagValue
    package var lastModified: Int

    package init(
        filepath: String, title: String = "A Title", artists: String = "An Artist", albumArtists: String? = nil,
        album: String = "An Album", duration: Int = 215, isrc: ISRCTagValue = .absent, lastModified: Int = 1_700_000_000
    ) {
        self.filepath = filepath
        self.title = title
        self.artists = artists
        self.albumArtists = albumArtists
        self.album = album
        self.duration = duration
        self.isrc = isrc
        self.lastModified = lastModified
    }

    /// The `extra` column: the tags SwingMusic keeps beside the columns, with its `hashinfo`.
    var extra: PythonJSON {
        var fields: [(String, PythonJSON)] = [
            ("hashinfo", .object([("algo", .text("sha1")), ("format", .text("[:5]+[-5:]"))])),
            ("bitdepth", .number(16)), ("samplerate", .number(44100)),
        ]
        switch isrc {
        case .absent: break
        case .text(let value): fields.append(("isrc", .text(value)))
        case .list(let values): fields.append(("isrc", .list(values.map(PythonJSON.text))))
        }
        return .object(fields)
    }
}

/// How a tag reader stored the ISRC in `extra`: SwingMusic 3.0.1 always writes a list (one value or more); a string
/// is what older versions wrote, and the reader takes both.
package enum ISRCTagValue: Sendable {
    case absent
    case text(String)
    case list([String])
}

package struct SwingMusicLibraryBuilderError: Error, CustomStringConvertible {
    package var description: String
}

/// JSON as Python's `json.dumps` writes it by default (SQLAlchemy's JSON column): `", "` and `": "` between
/// items, every character past ASCII escaped as `\uXXXX`.
enum PythonJSON {
    case text(String)
    case number(Int)
    case list([PythonJSON])
    indirect case object([(String, PythonJSON)])

    var text: String {
        switch self {
        case .text(let value): return Self.quoted(value)
        case .number(let value): return String(value)
        case .list(let values): return "[" + values.map(\.text).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { Self.quoted($0.0) + ": " + $0.1.text }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ value: String) -> String {
        var result = "\""
        for unit in value.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x20..<0x7F: result.append(Character(Unicode.Scalar(UInt8(unit))))
            default: result += String(format: "\\u%04x", unit)
            }
        }
        return result + "\""
    }
}
