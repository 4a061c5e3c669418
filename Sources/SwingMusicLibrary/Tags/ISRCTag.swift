import Foundation
import SwingCache

/// Reads the ISRC from the value of `extra.isrc` in SwingMusic's track table.
///
/// The tag reader stores it as a string (`"USRC17607839"`) or as a list of strings (`["USRC17607839"]`), and a
/// file may carry several ("GBAYE0601498; GBAYE0601499"). The first well-formed one wins, in canonical form.
enum ISRCTag {
    /// `value` as SQLite's `json_extract` returns it: the string itself, or the JSON text of a list.
    static func isrc(fromExtracted value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
            guard let list = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [Any] else { return nil }
            return list.lazy.compactMap { ($0 as? String).flatMap(isrc(in:)) }.first
        }
        return isrc(in: trimmed)
    }

    /// The first ISRC in a text that may hold several, separated by `;`, `,`, `/` or white space.
    private static func isrc(in text: String) -> String? {
        if let whole = MatchNormalizer.isrc(text) { return whole }
        return text.components(separatedBy: CharacterSet(charactersIn: ";,/").union(.whitespaces))
            .lazy.compactMap(MatchNormalizer.isrc).first
    }
}
