import Foundation

/// How SwingMusic turns its `artists` and `albumartists` columns into names.
///
/// SwingMusic stores each column as the tag's text, as written in the file ("Queen/David Bowie",
/// "Daft Punk; Pharrell Williams") — not JSON — and splits it when it reads it: at each of the user's artist
/// separators (`;` and `/` unless changed in its settings), then at every comma, keeping whole the names on its
/// ignore list ("AC/DC"). This does the same, so that swingcache sees the artists SwingMusic shows.
///
/// ```swift
/// ArtistSplitting.swingMusicDefault.split("Queen/David Bowie")   // ["Queen", "David Bowie"]
/// ArtistSplitting.swingMusicDefault.split("AC/DC")               // ["AC/DC"]
/// ```
public struct ArtistSplitting: Hashable, Sendable {
    /// Where one name ends and the next begins, besides the comma SwingMusic always splits at.
    public var separators: [String]
    /// Names that contain a separator but are one artist; matched without regard to case.
    public var keptWhole: [String]

    public init(separators: [String], keptWhole: [String]) {
        self.separators = separators.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        self.keptWhole = keptWhole.filter { !$0.isEmpty }
    }

    /// SwingMusic's default separators, and the names with a separator in them from its default ignore list.
    public static let swingMusicDefault = ArtistSplitting(
        separators: [";", "/"],
        keptWhole: ["AC/DC", "Crosby, Stills, Nash & Young", "Peter, Paul & Mary"])

    /// The names in one column's text, trimmed, in order; empty text gives none.
    public func split(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        func flush() {
            names += current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            current = ""
        }
        var index = text.startIndex
        while index < text.endIndex {
            if let whole = firstMatch(of: keptWhole, in: text, at: index, options: [.anchored, .caseInsensitive]) {
                flush()
                names.append(String(text[whole]))
                index = whole.upperBound
            } else if let separator = firstMatch(of: separators, in: text, at: index, options: [.anchored]) {
                flush()
                index = separator.upperBound
            } else {
                current.append(text[index])
                index = text.index(after: index)
            }
        }
        flush()
        return names
    }

    /// The range of the first of `needles` that starts at `index`.
    private func firstMatch(
        of needles: [String], in text: String, at index: String.Index, options: String.CompareOptions
    ) -> Range<String.Index>? {
        needles.lazy.compactMap { text.range(of: $0, options: options, range: index..<text.endIndex) }.first
    }
}
