/// A normalised Spotify catalog id: its kind and its 22-character base62 value.
///
/// ```swift
/// let id = try SpotifyID(parsing: "spotify:track:4iV5W9uYEdYUVa79Axb7Rh", expecting: .track)
/// id.value  // "4iV5W9uYEdYUVa79Axb7Rh"
/// ```
package struct SpotifyID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    package let kind: EntityKind
    package let value: String

    /// Wraps an id that is already known to be 22 base62 characters.
    package init(kind: EntityKind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Parses the three forms users paste: a bare id, `spotify:KIND:ID`, or an `open.spotify.com` link.
    ///
    /// A bare id takes `expected` as its kind; a URI or link must name that kind.
    package init(parsing text: String, expecting expected: EntityKind) throws(SpotifyIDError) {
        let trimmed = text.trimmingWhitespace()
        let (kindText, idText) = try Self.split(trimmed)
        if let kindText {
            guard let kind = EntityKind(rawValue: kindText) else {
                throw SpotifyIDError(input: text, problem: .unknownKind(kindText))
            }
            guard kind == expected else {
                throw SpotifyIDError(input: text, problem: .wrongKind(found: kind, expected: expected))
            }
        }
        guard Self.isBase62ID(idText) else {
            throw SpotifyIDError(input: text, problem: .malformedID)
        }
        self.init(kind: expected, value: String(idText))
    }

    /// `spotify:KIND:ID`, the form the Web API itself uses.
    package var uri: String { "spotify:\(kind.rawValue):\(value)" }

    package var description: String { uri }

    package static func < (lhs: SpotifyID, rhs: SpotifyID) -> Bool {
        (lhs.kind, lhs.value) < (rhs.kind, rhs.value)
    }

    static func isBase62ID(_ text: Substring) -> Bool { isBase62ID(text.utf8) }

    /// Whether `bytes` are 22 ASCII letters and digits.
    static func isBase62ID(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == 22
            && bytes.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            }
    }

    /// Splits input into an optional kind and the id part, or says why the shape is not one of the three forms.
    private static func split(_ text: Substring) throws(SpotifyIDError) -> (kind: String?, id: Substring) {
        if text.hasPrefix("spotify:") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3 else { throw SpotifyIDError(input: String(text), problem: .malformedURI) }
            return (String(parts[1]), parts[2])
        }
        if let link = linkPath(text) {
            var segments = link.split(separator: "/")
            if let first = segments.first, first.hasPrefix("intl-") { segments.removeFirst() }
            guard segments.count == 2 else { throw SpotifyIDError(input: String(text), problem: .malformedLink) }
            return (String(segments[0]), segments[1])
        }
        return (nil, text)
    }

    /// The path of an `open.spotify.com` link without its query or fragment, or nil when the text is no such link.
    private static func linkPath(_ text: Substring) -> Substring? {
        var rest = text
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        guard rest.hasPrefix("open.spotify.com/") else { return nil }
        rest = rest.dropFirst("open.spotify.com/".count)
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            rest = rest[..<end]
        }
        return rest
    }
}

/// Why a piece of text is not a Spotify id of the expected kind.
package struct SpotifyIDError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Problem: Equatable, Sendable {
        case malformedID
        case malformedURI
        case malformedLink
        case unknownKind(String)
        case wrongKind(found: EntityKind, expected: EntityKind)
    }

    package let input: String
    package let problem: Problem

    package init(input: String, problem: Problem) {
        self.input = input
        self.problem = problem
    }

    package var description: String {
        let quoted = "'\(input.abbreviatedForMessages())'"
        switch problem {
        case .malformedID:
            return
                "\(quoted) is not a Spotify id (expected 22 letters and digits, a spotify: URI or an open.spotify.com link)"
        case .malformedURI:
            return "\(quoted) is not a Spotify URI (expected spotify:KIND:ID)"
        case .malformedLink:
            return "\(quoted) is not a Spotify link (expected open.spotify.com/KIND/ID)"
        case .unknownKind(let kind):
            return "\(quoted) is not a Spotify id: '\(kind)' is not a kind (expected track, album or artist)"
        case .wrongKind(let found, let expected):
            return
                "\(quoted) is a\(found == .album || found == .artist ? "n" : "") \(found.rawValue) id, listed under \(expected.plural)"
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> SubSequence {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? start
        return self[start..<end]
    }

    /// Keeps messages to one readable line: long values are cut with an ellipsis.
    func abbreviatedForMessages(limit: Int = 60) -> String {
        count <= limit ? String(self) : String(prefix(limit)) + "…"
    }
}
