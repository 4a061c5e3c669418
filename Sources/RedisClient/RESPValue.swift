import Foundation

/// A value of the Redis serialization protocol (RESP2), as servers answer.
public enum RESPValue: Sendable, Equatable {
    case simpleString(String)
    case error(String)
    case integer(Int)
    /// nil for the null bulk string (`$-1`): a key that does not exist.
    case bulkString(Data?)
    /// nil for the null array (`*-1`).
    case array([RESPValue]?)

    /// The value as text, for simple and bulk strings.
    public var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let data?): String(decoding: data, as: UTF8.self)
        default: nil
        }
    }

    public var data: Data? {
        switch self {
        case .bulkString(let data): data
        case .simpleString(let text): Data(text.utf8)
        default: nil
        }
    }

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var array: [RESPValue]? {
        if case .array(let values) = self { return values }
        return nil
    }
}

/// The server answered a command with an error (`-ERR …`, `-WRONGTYPE …`, `-NOSCRIPT …`).
public struct RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "Redis: \(message)" }
}
