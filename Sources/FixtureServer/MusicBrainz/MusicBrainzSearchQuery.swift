/// The `query` of a MusicBrainz recording search, read as far as the fake service answers it: Lucene clauses
/// `field:"phrase"`, `field:word` and `field:[low TO high]` joined by `AND`.
///
/// `recording:"Believe" AND artist:"Cher" AND dur:[230000 TO 250000]` gives the title, the artist and a duration
/// range in milliseconds; fields the fake does not know are kept but change nothing.
package struct MusicBrainzSearchQuery: Equatable {
    /// Phrase and word clauses by field name, unescaped.
    package var fields: [String: String] = [:]
    /// Range clauses with whole-number bounds by field name.
    package var ranges: [String: ClosedRange<Int>] = [:]

    /// The `recording:` title, if any.
    package var title: String? { fields["recording"] }
    /// The `artist:` name, empty when the query names none.
    package var artist: String { fields["artist"] ?? "" }
    /// The `dur:` range in milliseconds, if any.
    package var duration: ClosedRange<Int>? { ranges["dur"] }

    /// Reads already URL-decoded query text; `AND` between clauses is skipped.
    package static func parse(_ text: String) -> MusicBrainzSearchQuery {
        var query = MusicBrainzSearchQuery()
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            guard let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains(where: \.isWhitespace) else {
                // A bare word such as AND.
                rest = rest.drop(while: { !$0.isWhitespace })
                continue
            }
            let name = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
            switch rest.first {
            case "\"":
                var value = ""
                var index = rest.index(after: rest.startIndex)
                while index < rest.endIndex, rest[index] != "\"" {
                    if rest[index] == "\\", rest.index(after: index) < rest.endIndex {
                        index = rest.index(after: index)
                    }
                    value.append(rest[index])
                    index = rest.index(after: index)
                }
                query.fields[name] = value
                rest = index < rest.endIndex ? rest[rest.index(after: index)...] : rest[rest.endIndex...]
            case "[":
                let close = rest.firstIndex(of: "]") ?? rest.endIndex
                let words = rest[rest.index(after: rest.startIndex)..<close].split(separator: " ")
                if words.count == 3, words[1] == "TO", let low = Int(words[0]), let high = Int(words[2]), low <= high {
                    query.ranges[name] = low...high
                }
                rest = close < rest.endIndex ? rest[rest.index(after: close)...] : rest[rest.endIndex...]
            default:
                let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
                query.fields[name] = String(rest[..<end])
                rest = rest[end...]
            }
        }
        return query
    }
}
