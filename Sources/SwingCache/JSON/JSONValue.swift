/// Any JSON value, kept whole: a document whose keys swingcache does not know in advance (a SwingMusic playlist's
/// `settings`), or one built, trimmed and serialised byte-for-byte the same every time (the fixture server's answers).
///
/// Whole numbers are `int` and others `double`, so a value decoded and encoded again keeps its numbers as they
/// were. Deliberately not `ExpressibleByNilLiteral`: `members[key] = nil` would then drop the key instead of writing
/// null.
///
/// ```swift
/// let settings: [String: JSONValue] = ["pinned": false, "banner_pos": 50]
/// settings["swingcache"]?["key"]?.stringValue   // nil
/// ```
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// An object serialised with its keys sorted, as Spotify writes catalog objects.
    case object([String: JSONValue])
    /// An object serialised in the order given, for the few answers (errors, tokens) Spotify does not sort.
    case orderedObject([JSONMember])
    /// JSON text serialised once ahead of time, for large constant parts such as the market list.
    case serialized([UInt8])

    /// The value under `key` when this is an object, so callers can read recorded fixtures without casting.
    package subscript(key: String) -> JSONValue? {
        switch self {
        case .object(let members): return members[key]
        case .orderedObject(let members): return members.first { $0.key == key }?.value
        default: return nil
        }
    }

    /// The text when this is a string, for reading fields such as ids out of recorded fixtures.
    package var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The number when this is a whole number, for reading durations out of catalog objects.
    package var intValue: Int? {
        guard case .int(let number) = self else { return nil }
        return number
    }

    /// The elements when this is an array, for reading lists such as a track's artists.
    package var elements: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// This object with `replacements` set over its members; any other value is returned unchanged.
    package func settingMembers(_ replacements: [String: JSONValue]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members.merge(replacements) { _, new in new }
        return .object(members)
    }

    /// This value with every member named in `keys` removed at any depth, as development-mode answers lack them.
    package func removingKeys(_ keys: Set<String>) -> JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map { $0.removingKeys(keys) })
        case .object(let members):
            var kept: [String: JSONValue] = [:]
            for (key, value) in members where !keys.contains(key) {
                kept[key] = value.removingKeys(keys)
            }
            return .object(kept)
        case .orderedObject(let members):
            return .orderedObject(
                members.filter { !keys.contains($0.key) }.map { JSONMember($0.key, $0.value.removingKeys(keys)) })
        default:
            return self
        }
    }
}

/// One member of an `orderedObject`.
package struct JSONMember: Sendable, Hashable {
    package let key: String
    package let value: JSONValue

    package init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    package init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    package init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
