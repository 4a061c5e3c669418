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
public enum SwingMusicHash {
    /// 16 lower-case hex digits, zero-padded as Python's `hexdigest()` writes them.
    public static func of(_ parts: [String]) -> String {
        let text = parts.map(normalized).joined()
        let digest = Array(text.utf8).withUnsafeBytes { bytes in XXH3_64bits(bytes.baseAddress, bytes.count) }
        let hex = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A runtime track hash: of the title, album and artist names SwingMusic shows.
    public static func track(title: String, album: String, artists: [String]) -> String {
        of([title, album] + artists)
    }

    /// One part as `remove_non_alnum` leaves it.
    static func normalized(_ part: String) -> String {
        let token = PythonText.strip(PythonText.lower(part)).replacingOccurrences(of: " ", with: "")
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: token.unicodeScalars.filter(PythonText.isAlphanumeric))
        return kept.isEmpty ? token : String(kept)
    }
}
