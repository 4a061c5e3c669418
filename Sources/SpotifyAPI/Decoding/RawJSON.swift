import Foundation

/// Spotify's answer read as bytes: the elements of a batch answer found by position and an element's bytes
/// trimmed of keys nobody queries, without decoding and re-encoding it.
///
/// Anything it does not recognise as plain JSON gives nil, and the caller decodes the answer the slow way
/// (whose messages say what is wrong).
///
/// A scanner, not a coder: the raw answer the store keeps is the bytes Spotify sent, and decoding and encoding it
/// again would change them (key order, escapes, how numbers are written).
///
/// ```swift
/// let elements = RawJSON.elements(of: body, listedUnder: "tracks")   // [Data?]: nil for a `null` element
/// ```
enum RawJSON {
    /// Nesting deeper than this is left to JSONSerialization, which refuses it with a message.
    static let deepest = 256

    /// The elements of the list under `key` in the object `body` is (or of `body` alone, when `key` is nil), each
    /// an object trimmed of `trimmedKeys` at any depth, or nil for `null`; nil when the body is not that shape.
    static func elements(of body: Data, listedUnder key: String?, trimming trimmedKeys: Set<String>) -> [Data?]? {
        elements(of: body, listedUnder: key.map { [$0] } ?? [], trimming: trimmedKeys)
    }

    /// The elements of the list reached by following `path` from the object `body` is (`["tracks", "items"]` in a
    /// search answer), or of `body` alone when `path` is empty; nil when the body is not that shape.
    static func elements(of body: Data, listedUnder path: [String], trimming trimmedKeys: Set<String>) -> [Data?]? {
        body.withUnsafeBytes { buffer -> [Data?]? in
            // JSONSerialization refuses text that is not UTF-8; so does this, by handing it back.
            if buffer.contains(where: { $0 >= 0x80 }), String(validating: buffer, as: UTF8.self) == nil { return nil }
            var scanner = Scanner(bytes: buffer, trimmedKeys: trimmedKeys.map { Array($0.utf8) })
            return scanner.elements(listedUnder: path.map { Array($0.utf8) })
        }
    }

    struct Scanner {
        let bytes: UnsafeRawBufferPointer
        let trimmedKeys: [[UInt8]]
        var index = 0
        var depth = 0

        init(bytes: UnsafeRawBufferPointer, trimmedKeys: [[UInt8]]) {
            self.bytes = bytes
            self.trimmedKeys = trimmedKeys
        }

        mutating func elements(listedUnder path: [[UInt8]]) -> [Data?]? {
            skipWhitespace()
            let found: [Data?]?
            if path.isEmpty {
                found = element().map { [$0] }
            } else {
                found = listed(under: path[...])
            }
            skipWhitespace()
            return index == bytes.count ? found : nil
        }

        /// The list under the first key of `path` in the object at the index, or deeper when the path goes on.
        private mutating func listed(under path: ArraySlice<[UInt8]>) -> [Data?]? {
            guard let key = path.first, next(is: UInt8(ascii: "{")) else { return nil }
            var found: [Data?]?
            var first = true
            while true {
                skipWhitespace()
                if next(is: UInt8(ascii: "}")) { break }
                if !first {
                    guard next(is: UInt8(ascii: ",")) else { return nil }
                    skipWhitespace()
                }
                first = false
                guard let name = string() else { return nil }
                skipWhitespace()
                guard next(is: UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                if name.elementsEqual(key) {
                    // A key written twice is left to the slow path, which decides which one counts.
                    guard found == nil, let list = path.count == 1 ? list() : listed(under: path.dropFirst())
                    else { return nil }
                    found = list
                } else {
                    guard skipValue() else { return nil }
                }
            }
            return found
        }

        /// The elements of a list of objects and nulls.
        private mutating func list() -> [Data?]? {
            guard next(is: UInt8(ascii: "[")) else { return nil }
            var elements: [Data?] = []
            skipWhitespace()
            if next(is: UInt8(ascii: "]")) { return elements }
            while true {
                skipWhitespace()
                guard let element = element() else { return nil }
                elements.append(element)
                skipWhitespace()
                if next(is: UInt8(ascii: "]")) { return elements }
                guard next(is: UInt8(ascii: ",")) else { return nil }
            }
        }

        /// An object, trimmed, or `.some(nil)` for `null`; nil for anything else.
        private mutating func element() -> Data?? {
            if literal("null") { return .some(nil) }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(1024)
            guard copyValue(into: &output) else { return nil }
            return .some(Data(output))
        }

        /// Copies one value without its insignificant whitespace and without trimmed members.
        private mutating func copyValue(into output: inout [UInt8]) -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                depth += 1
                defer { depth -= 1 }
                guard depth <= RawJSON.deepest else { return false }
                index += 1
                output.append(UInt8(ascii: "{"))
                var first = true
                var written = false
                while true {
                    skipWhitespace()
                    if next(is: UInt8(ascii: "}")) { break }
                    if !first {
                        guard next(is: UInt8(ascii: ",")) else { return false }
                        skipWhitespace()
                    }
                    first = false
                    let keyStart = index
                    guard let name = string() else { return false }
                    let keyEnd = index
                    skipWhitespace()
                    guard next(is: UInt8(ascii: ":")) else { return false }
                    skipWhitespace()
                    if trimmedKeys.contains(where: { $0.elementsEqual(name) }) {
                        guard skipValue() else { return false }
                        continue
                    }
                    if written { output.append(UInt8(ascii: ",")) }
                    written = true
                    output.append(contentsOf: bytes[keyStart..<keyEnd])
                    output.append(UInt8(ascii: ":"))
                    guard copyValue(into: &output) else { return false }
                }
                output.append(UInt8(ascii: "}"))
                return true
            case UInt8(ascii: "["):
                depth += 1
                defer { depth -= 1 }
                guard depth <= RawJSON.deepest else { return false }
                index += 1
                output.append(UInt8(ascii: "["))
                skipWhitespace()
                if next(is: UInt8(ascii: "]")) {
                    output.append(UInt8(ascii: "]"))
                    return true
                }
                while true {
                    skipWhitespace()
                    guard copyValue(into: &output) else { return false }
                    skipWhitespace()
                    if next(is: UInt8(ascii: "]")) { break }
                    guard next(is: UInt8(ascii: ",")) else { return false }
                    output.append(UInt8(ascii: ","))
                }
                output.append(UInt8(ascii: "]"))
                return true
            default:
                let start = index
                guard skipValue() else { return false }
                output.append(contentsOf: bytes[start..<index])
                return true
            }
        }

        /// Moves past one value, checking its shape.
        private mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var ignored: [UInt8] = []
                return copyValue(into: &ignored)
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        /// The bytes between the quotes of a string (escapes left as written); nil when it is not one.
        private mutating func string() -> UnsafeRawBufferPointer.SubSequence? {
            guard next(is: UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return bytes[start..<index - 1]
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { return nil }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count,
                            bytes[(index + 1)...(index + 4)].allSatisfy({ Self.isHexDigit($0) })
                        else { return nil }
                        index += 5
                    default: return nil
                    }
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        private mutating func number() -> Bool {
            _ = next(is: UInt8(ascii: "-"))
            if next(is: UInt8(ascii: "0")) {
            } else {
                guard index < bytes.count, bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9")
                else { return false }
                skipDigits()
            }
            if next(is: UInt8(ascii: ".")) {
                guard skipDigits() else { return false }
            }
            if next(is: UInt8(ascii: "e")) || next(is: UInt8(ascii: "E")) {
                if !next(is: UInt8(ascii: "+")) { _ = next(is: UInt8(ascii: "-")) }
                guard skipDigits() else { return false }
            }
            return true
        }

        @discardableResult
        private mutating func skipDigits() -> Bool {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index > start
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func next(is byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
        }
    }
}
