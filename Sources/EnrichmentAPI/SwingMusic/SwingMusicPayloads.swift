import Foundation

/// `GET /auth/users`.
public struct SwingMusicUsersPayload: Decodable, Sendable {
    public struct User: Decodable, Sendable, Hashable {
        public var id: Int
        public var username: String
        public var roles: [String]?
    }

    public var users: [User]
}

/// `GET /playlists`.
public struct SwingMusicPlaylistsPayload: Decodable, Sendable {
    public var data: [SwingMusicPlaylist]
}

/// A playlist as SwingMusic lists it.
public struct SwingMusicPlaylist: Decodable, Sendable, Hashable {
    public var id: Int
    public var name: String
    public var count: Int?
    public var settings: JSONObject?
    public var extra: JSONObject?
}

/// `POST /playlists/new`.
public struct SwingMusicCreatedPlaylistPayload: Decodable, Sendable {
    public var playlist: SwingMusicPlaylist
}

/// `GET /playlists/{id}`: its tracks, in order.
public struct SwingMusicPlaylistTracksPayload: Decodable, Sendable {
    public struct Track: Decodable, Sendable, Hashable {
        public var trackhash: String
    }

    public var info: SwingMusicPlaylist
    public var tracks: [Track]
}

/// A JSON object whose keys swingcache does not know in advance (a playlist's `settings`), kept whole so that writing
/// it back loses nothing SwingMusic or its web client put there.
public struct JSONObject: Codable, Sendable, Hashable {
    public var values: [String: JSONValue]

    public init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

/// Any JSON value.
public indirect enum JSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
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

    public func encode(to encoder: any Encoder) throws {
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

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}
