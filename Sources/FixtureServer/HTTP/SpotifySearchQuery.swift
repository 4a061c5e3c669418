/// The `q` of a search, read the way Spotify reads it: `field:"quoted value"`, `field:word` and free words.
///
/// An unquoted field value runs on over the plain words after it, up to the next field, because clients write
/// `track:Hey Boy Hey Girl artist:The Chemical Brothers` as often as they quote.
struct SpotifySearchQuery: Equatable {
    /// Field filters by lowercase name, such as `track`, `artist`, `album` and `isrc`.
    var fields: [String: String] = [:]
    /// The words outside any field, joined by single spaces.
    var freeText = ""

    static let knownFields: Set<String> = ["track", "artist", "album", "isrc", "year", "genre", "upc", "tag"]

    /// The title searched for: the `track:` filter, else the free words; nil when there is neither.
    var title: String? {
        if let track = fields["track"], !track.isEmpty { return track }
        return freeText.isEmpty ? nil : freeText
    }

    /// The `artist:` filter, empty when the query names none.
    var artist: String { fields["artist"] ?? "" }

    /// The `album:` filter, if any.
    var album: String? { fields["album"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The `isrc:` filter in capitals, if any.
    var isrc: String? { fields["isrc"].map { $0.uppercased() } }

    /// Reads already URL-decoded query text.
    static func parse(_ text: String) -> SpotifySearchQuery {
        var query = SpotifySearchQuery()
        var free: [String] = []
        var openField: String?
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            if let (name, afterColon) = fieldPrefix(of: rest) {
                if afterColon.first == "\"" {
                    let (value, after) = quoted(afterColon)
                    query.fields[name] = value
                    openField = nil
                    rest = after
                } else {
                    let word = afterColon.prefix(while: { !$0.isWhitespace })
                    query.fields[name] = String(word)
                    openField = name
                    rest = afterColon.dropFirst(word.count)
                }
            } else if rest.first == "\"" {
                let (value, after) = quoted(rest)
                free.append(value)
                openField = nil
                rest = after
            } else {
                let word = String(rest.prefix(while: { !$0.isWhitespace }))
                rest = rest.dropFirst(word.count)
                if let field = openField {
                    let value = query.fields[field] ?? ""
                    query.fields[field] = value.isEmpty ? word : value + " " + word
                } else {
                    free.append(word)
                }
            }
        }
        query.freeText = free.filter { !$0.isEmpty }.joined(separator: " ")
        return query
    }

    /// The field name and the text after its colon, when `text` starts with a known `field:`.
    private static func fieldPrefix(of text: Substring) -> (String, Substring)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon].lowercased()
        guard knownFields.contains(name) else { return nil }
        return (name, text[text.index(after: colon)...])
    }

    /// The text between a leading quote and the next one (or the end), and what follows the closing quote.
    private static func quoted(_ text: Substring) -> (String, Substring) {
        let inside = text.dropFirst()
        guard let close = inside.firstIndex(of: "\"") else { return (String(inside), inside[inside.endIndex...]) }
        return (String(inside[..<close]), inside[inside.index(after: close)...])
    }
}
