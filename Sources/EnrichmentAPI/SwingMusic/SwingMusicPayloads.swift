import Foundation

/// `GET /auth/users`.
package struct SwingMusicUsersPayload: Decodable, Sendable {
    package struct User: Decodable, Sendable, Hashable {
        package var id: Int
        package var username: String
        package var roles: [String]?
    }

    package var users: [User]
}

/// `GET /backup/list`.
package struct SwingMusicBackupsPayload: Decodable, Sendable {
    package struct Backup: Decodable, Sendable {
        package var name: String
    }

    package var backups: [Backup]
}

/// `GET /playlists`.
package struct SwingMusicPlaylistsPayload: Decodable, Sendable {
    package var data: [SwingMusicPlaylist]
}

/// A playlist as SwingMusic lists it.
package struct SwingMusicPlaylist: Decodable, Sendable, Hashable {
    package var id: Int
    package var name: String
    package var count: Int?
    package var settings: JSONObject?
    package var extra: JSONObject?
}

/// `POST /playlists/new`.
package struct SwingMusicCreatedPlaylistPayload: Decodable, Sendable {
    package var playlist: SwingMusicPlaylist
}

/// `GET /playlists/{id}`: its tracks, in order.
package struct SwingMusicPlaylistTracksPayload: Decodable, Sendable {
    package struct Track: Decodable, Sendable, Hashable {
        package var trackhash: String
    }

    package var info: SwingMusicPlaylist
    package var tracks: [Track]
}

/// A JSON object whose keys swingcache does not know in advance (a playlist's `settings`), kept whole so that writing
/// it back loses nothing SwingMusic or its web client put there.
package struct JSONObject: Codable, Sendable, Hashable {
    package var values: [String: JSONValue]

    package init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    package subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    package init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

/// Any JSON value.
package indirect enum JSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    package var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}
