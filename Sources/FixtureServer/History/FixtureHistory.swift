import Foundation

/// The listening histories the fake Last.fm and ListenBrainz serve, by user: the bundled
/// `Fixtures/history/default.json` unless `--history FILE` replaces it.
///
/// The file's shape, every field but `artist`, `title` and `timestamp` optional:
///
/// ```json
/// {"lastfm": {"admin": [{"artist": "Queen & David Bowie", "title": "Under Pressure", "album": "Hot Space",
///                        "mbid": "…", "timestamp": 1795400000}]},
///  "listenbrainz": {"admin": [ … ]}}
/// ```
///
/// A Last.fm listen without `timestamp` is the track that user is playing now: it heads page 1 of their scrobbles,
/// marked `nowplaying`, and is no scrobble.
package struct FixtureHistory: Sendable, Equatable, Codable {
    /// One listen as the file writes it.
    package struct Listen: Sendable, Equatable, Codable {
        package var artist: String
        package var title: String
        package var album: String?
        /// A MusicBrainz recording id; `""` or absent for none.
        package var mbid: String?
        /// Unix seconds, UTC; nil for the track playing now (Last.fm only).
        package var timestamp: Int?

        package init(artist: String, title: String, album: String? = nil, mbid: String? = nil, timestamp: Int?) {
            self.artist = artist
            self.title = title
            self.album = album
            self.mbid = mbid
            self.timestamp = timestamp
        }
    }

    /// Last.fm users' listens, in any order; names are matched without regard to case.
    package var lastfm: [String: [Listen]]
    /// ListenBrainz users' listens, in any order; names are matched without regard to case.
    package var listenbrainz: [String: [Listen]]

    package init(lastfm: [String: [Listen]] = [:], listenbrainz: [String: [Listen]] = [:]) {
        self.lastfm = lastfm
        self.listenbrainz = listenbrainz
    }

    /// `count` listens of made-up tracks (`Artist 0` – `Song 0`, …), a minute apart, oldest first, the newest at
    /// `newest`: enough of a history to page through.
    package static func minuteApartListens(_ count: Int, newest: Int = 1_795_500_000) -> [Listen] {
        (0..<count).map { index in
            Listen(
                artist: "Artist \(index)", title: "Song \(index)", album: "Album",
                timestamp: newest - 60 * (count - 1 - index))
        }
    }

    /// Writes this history where `--history` (``FixtureServerOptions/historyFile``) reads it.
    package func write(toFile path: String) throws {
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The history in this module's `Fixtures/history/default.json`.
    package static func bundled() throws -> FixtureHistory {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            return FixtureHistory()
        }
        return try load(from: folder.appendingPathComponent("history/default.json"))
    }

    /// The history of the file at `path`, or the bundled one when `path` is nil.
    static func load(path: String?) throws -> FixtureHistory {
        guard let path else { return try bundled() }
        return try load(from: URL(fileURLWithPath: path))
    }

    /// Reads a history file; one that cannot be read stops the server from starting.
    static func load(from file: URL) throws -> FixtureHistory {
        do {
            return try JSONDecoder().decode(FixtureHistory.self, from: Data(contentsOf: file))
        } catch {
            throw FixtureServerError.unreadableHistory(path: file.path, reason: Self.describe(error))
        }
    }

    /// Either service may be left out of a file.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lastfm = try container.decodeIfPresent([String: [Listen]].self, forKey: .lastfm) ?? [:]
        listenbrainz = try container.decodeIfPresent([String: [Listen]].self, forKey: .listenbrainz) ?? [:]
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "'\(key.stringValue)' is missing at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(context.debugDescription) at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            "\(context.debugDescription)"
        default:
            error.localizedDescription
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top" : path
    }
}
