import CXXHash

/// SwingMusic's `create_hash`: the ids its API, its UI, its scrobbles, playlists and favorites use.
///
/// ```swift
/// SwingMusicHash.of(["Under Pressure", "Hot Space", "Queen", "David Bowie"])   // 16 hex digits
/// ```
///
/// Each part is lower-cased, trimmed and stripped of spaces, then of every character that is neither a letter nor
/// a number (a part with nothing else left is kept as it was after the spaces went); the parts are joined with
/// nothing between them and hashed with xxh3-64 (Debian's libxxhash, the C library Python's `xxhash` wraps).
/// `swingmusic/utils/hashing.py` in SwingMusic 3.0.1.
package enum SwingMusicHash {
    /// 16 lower-case hex digits, zero-padded as Python's `hexdigest()` writes them.
    package static func of(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            if let ascii = normalizedASCII(part) {
                bytes += ascii
            } else {
                bytes += normalized(part).utf8
            }
        }
        let digest = bytes.withUnsafeBytes { buffer in XXH3_64bits(buffer.baseAddress, buffer.count) }
        let hex = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A runtime track hash: of the title, album and artist names SwingMusic shows.
    package static func track(title: String, album: String, artists: [String]) -> String {
        of([title, album] + artists)
    }

    /// ``normalized(_:)`` of an ASCII part, byte by byte; nil for a part with any other character.
    static func normalizedASCII(_ part: String) -> [UInt8]? {
        var token: [UInt8] = []
        token.reserveCapacity(part.utf8.count)
        for byte in part.utf8 {
            guard byte < 0x80 else { return nil }
            token.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        // Python's `strip()` takes ASCII white space and the four separators 0x1C–0x1F.
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
        }
        guard let first = token.firstIndex(where: { !isSpace($0) }), let last = token.lastIndex(where: { !isSpace($0) })
        else { return [] }
        let stripped = token[first...last].filter { $0 != 0x20 }
        let kept = stripped.filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        return kept.isEmpty ? Array(stripped) : kept
    }

    /// One part as `remove_non_alnum` leaves it.
    static func normalized(_ part: String) -> String {
        let token = PythonText.strip(PythonText.lower(part)).replacingOccurrences(of: " ", with: "")
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: token.unicodeScalars.filter(PythonText.isAlphanumeric))
        return kept.isEmpty ? token : String(kept)
    }
}
