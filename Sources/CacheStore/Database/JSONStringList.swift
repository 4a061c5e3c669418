import Foundation

/// The JSON lists of strings the store keeps in its list columns (`artist_ids`, `genres`, …), written and read
/// without Foundation's coders, which cost more than the rest of a row.
///
/// Writes what `JSONEncoder` writes for `[String]` (slashes escaped), so old and new rows read the same.
///
/// Measured with `swingcache-bench cpu` (min–median, runs alternating with Foundation's coders in its place, on a
/// busy 2-core machine): a cached read, `store.entity` p50, takes 10.8–11.6 µs reading by hand and 14.2–15.6 µs
/// through `JSONDecoder` (new or shared), against 9.4–10.5 µs for the bare `SELECT`; `swingcache plan` of 1 M
/// cached targets, whose look-up sends every id as one such list, 8.8–9.3 s writing by hand and 9.3–10.5 s
/// through `JSONEncoder`.
///
/// ```swift
/// JSONStringList.encode(["AC/DC", "Ça"])   // #"["AC\/DC","Ça"]"#
/// JSONStringList.decode(#"["a","b"]"#)     // ["a", "b"]
/// ```
enum JSONStringList {
    static func encode(_ strings: some Sequence<String>) -> String {
        var output: [UInt8] = [UInt8(ascii: "[")]
        output.reserveCapacity(strings.underestimatedCount * 25 + 2)
        for (position, string) in strings.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "/"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
                case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x00..<0x20:
                    output.append(contentsOf: Array("\\u00".utf8))
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                default: output.append(byte)
                }
            }
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The strings of a JSON list of strings; nil for any other JSON (or text that is not JSON).
    static func decode(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var index = 0
            func skipWhitespace() {
                while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
            index += 1
            var strings: [String] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
            } else {
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""),
                        let string = readString(bytes, &index)
                    else { return nil }
                    strings.append(string)
                    skipWhitespace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        break
                    }
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index += 1
                }
            }
            skipWhitespace()
            return index == bytes.count ? strings : nil
        }
    }

    /// The string starting at the quote at `index`, escapes resolved; `index` ends after its closing quote.
    private static func readString(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String? {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
        }
        // Escapes: rare in names and ids, so the slower way.
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                .unicodeScalars)
        var pendingHighSurrogate: UInt32?
        var literal: [UInt8] = []
        func flushLiteral() {
            scalars.append(contentsOf: String(decoding: literal, as: UTF8.self).unicodeScalars)
            literal.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard pendingHighSurrogate == nil else { return nil }
                flushLiteral()
                index += 1
                return String(scalars)
            }
            guard byte >= 0x20 else { return nil }
            if byte != UInt8(ascii: "\\") {
                guard pendingHighSurrogate == nil else { return nil }
                literal.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { return nil }
            let escaped = bytes[index]
            index += 1
            if escaped == UInt8(ascii: "u") {
                guard index + 4 <= bytes.count else { return nil }
                var code: UInt32 = 0
                for digit in bytes[index..<index + 4] {
                    guard let value = hexValue(digit) else { return nil }
                    code = code << 4 | value
                }
                index += 4
                if let high = pendingHighSurrogate {
                    guard (0xDC00...0xDFFF).contains(code),
                        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                    else { return nil }
                    pendingHighSurrogate = nil
                    scalars.append(scalar)
                } else if (0xD800...0xDBFF).contains(code) {
                    flushLiteral()
                    pendingHighSurrogate = code
                } else {
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    flushLiteral()
                    scalars.append(scalar)
                }
                continue
            }
            guard pendingHighSurrogate == nil else { return nil }
            let replacement: UInt8
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): replacement = escaped
            case UInt8(ascii: "n"): replacement = 0x0A
            case UInt8(ascii: "r"): replacement = 0x0D
            case UInt8(ascii: "t"): replacement = 0x09
            case UInt8(ascii: "b"): replacement = 0x08
            case UInt8(ascii: "f"): replacement = 0x0C
            default: return nil
            }
            literal.append(replacement)
        }
        return nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

extension JSONStringList {

    /// A JSON list of strings the store wrote: read by hand on the hot path of `get`, by `JSONDecoder` (which says
    /// what is wrong) when the hand-written reader does not read it.
    static func read(_ json: String) throws -> [String] {
        if json == "[]" { return [] }
        if let list = JSONStringList.decode(json) { return list }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
