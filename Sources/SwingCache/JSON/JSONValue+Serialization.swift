extension JSONValue {
    /// Compact UTF-8 JSON with `object` keys sorted, as Spotify sends them, so equal values give equal bytes.
    ///
    /// Written here rather than by `JSONEncoder`, which on Linux writes an object's keys in hash order unless it sorts
    /// every object of the document: an `orderedObject` keeps its order and `serialized` text is copied as it is.
    package var serialized: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(into: &output)
        return output
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .serialized(let bytes):
            output.append(contentsOf: bytes)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .double(let number):
            output.append(contentsOf: (number.isFinite ? String(number) : "null").utf8)
        case .string(let text):
            Self.appendQuoted(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendQuoted(key, to: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .orderedObject(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendQuoted(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, nothing else (not `/`,
    /// not non-ASCII), the way the fixture server's answers and `swingcache export` write strings.
    package static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        let quote: UInt8 = 0x22
        let backslash: UInt8 = 0x5C
        // Nearly every string needs no escape; copying it whole keeps large batches fast even in debug builds.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == quote || $0 == backslash }) {
            output.append(quote)
            output.append(contentsOf: text.utf8)
            output.append(quote)
            return
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"):
                output.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"):
                output.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"):
                output.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"):
                output.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
