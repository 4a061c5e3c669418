import Foundation

/// Parses an `application/x-www-form-urlencoded` body, the shape `POST /api/token` takes.
enum FormFields {
    /// The fields of `text`; a repeated field keeps its last value.
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// Undoes `+` for space and `%XX` escapes; an escape that is not valid UTF-8 is kept as written.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
