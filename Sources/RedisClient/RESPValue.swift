import Foundation

/// A value of the Redis serialization protocol (RESP2), as servers answer.
package enum RESPValue: Sendable, Equatable {
    case simpleString(String)
    case error(String)
    case integer(Int)
    /// nil for the null bulk string (`$-1`): a key that does not exist.
    case bulkString(Data?)
    /// nil for the null array (`*-1`).
    case array([RESPValue]?)

    /// The value as text, for simple and bulk strings.
    package var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let data?): String(decoding: data, as: UTF8.self)
        default: nil
        }
    }

    package var data: Data? {
        switch self {
        case .bulkString(let data): data
        case .simpleString(let text): Data(text.utf8)
        default: nil
        }
    }

    package var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    package var array: [RESPValue]? {
        if case .array(let values) = self { return values }
        return nil
    }
}

/// The server answered a command with an error (`-ERR …`, `-WRONGTYPE …`, `-NOSCRIPT …`).
package struct RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { "Redis: \(message)" }
}
