/// The form of an artist or title that derived values are drawn from, so `"Cher"` and `" cher "` agree.
enum MatchKey {
    /// `text` lowercased, trimmed, with runs of spaces made one.
    static func of(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
