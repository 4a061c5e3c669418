import Foundation

/// SwingMusic's regular expressions for titles (`swingmusic/utils/parsers.py` in 3.0.1), written for ICU.
///
/// ```swift
/// TitleCleaning.featured(in: "Song (feat. Pharrell)")    // ("Pharrell", "Song ")
/// TitleCleaning.removingProducer("Song (prod. Metro)")    // "Song"
/// TitleCleaning.removingRemasterInfo("Song - Remastered 2011")    // "Song"
/// TitleCleaning.baseAlbumTitle("Album (Deluxe Edition)")    // "Album"
/// ```
///
/// Python's `[\\[(]` is a set of three characters; ICU reads an unescaped `[` in a set as a nested set, so every
/// bracket inside a set is escaped here. Otherwise the expressions are SwingMusic's, flag for flag.
enum TitleCleaning {
    /// The text of the first "(feat. …)" (else "[feat. …]") group, and the title without every group of that kind.
    ///
    /// The title is not trimmed: "Song (feat. X)" becomes "Song ", as SwingMusic shows it.
    static func featured(in title: String) -> (artists: String, title: String)? {
        // Both expressions need a closing bracket: most titles are passed over without running them.
        guard title.contains(")") || title.contains("]") else { return nil }
        for expression in [Expressions.featuredInParentheses, Expressions.featuredInBrackets] {
            let whole = NSRange(title.startIndex..., in: title)
            guard let match = expression.firstMatch(in: title, range: whole),
                let group = Range(match.range(at: 1), in: title)
            else { continue }
            let cleaned = expression.stringByReplacingMatches(in: title, range: whole, withTemplate: "")
            return (String(title[group]), cleaned)
        }
        return nil
    }

    /// `remove_prod`: "(prod. X)" or "[prod. X]" when the title has brackets, else "prod. X" to the next space.
    static func removingProducer(_ title: String) -> String {
        guard PythonText.lower(title).contains("prod.") else { return title }
        let whole = NSRange(title.startIndex..., in: title)
        let hasBrackets = Expressions.anyBracket.firstMatch(in: title, range: whole) != nil
        let expression = hasBrackets ? Expressions.producerInBrackets : Expressions.producerPlain
        return PythonText.strip(expression.stringByReplacingMatches(in: title, range: whole, withTemplate: ""))
    }

    /// `clean_title`: the shorter of the title without a bracketed remaster note and without a " - … Remaster…" tail.
    static func removingRemasterInfo(_ title: String) -> String {
        guard PythonText.lower(title).contains("remaster") else { return title }
        let whole = NSRange(title.startIndex..., in: title)
        let bracketed = PythonText.strip(
            Expressions.bracketedRemaster.stringByReplacingMatches(in: title, range: whole, withTemplate: ""))
        let hyphenated = PythonText.strip(
            Expressions.hyphenatedRemaster.stringByReplacingMatches(in: title, range: whole, withTemplate: ""))
        return hyphenated.unicodeScalars.count > bracketed.unicodeScalars.count ? bracketed : hyphenated
    }

    /// `get_base_title_and_versions(…, get_versions=False)`: the album title without a closing version block.
    static func baseAlbumTitle(_ album: String) -> String {
        guard album.contains(")") || album.contains("]") else { return album }
        let whole = NSRange(album.startIndex..., in: album)
        guard let match = Expressions.albumVersion.firstMatch(in: album, range: whole),
            let range = Range(match.range, in: album)
        else { return album }
        let block = String(album[range])
        // Python's `str.replace` removes every occurrence of the block, then strips.
        return PythonText.strip(album.replacingOccurrences(of: block, with: ""))
    }

    /// The words of SwingMusic's `AlbumVersionEnum`, in its order (`get_all_keywords()`).
    static let albumVersionKeywords = [
        "explicit", "360 audio", "anniversary", "diamond", "centennial", "gold", "platinum", "silver", "ultimate",
        "expanded", "extended", "deluxe", "super deluxe", "complete", "legacy", "special", "collector", "archive",
        "acoustic", "instrumental", "double disc", "double disk", "unplugged", "summer", "winter", "spring", "fall",
        "bonus", "bonus track", "original", " og ", "og ", "international", "uk version", "us version", "PA version",
        "limited", "mono", "stereo", "Hi-Res", "re-mix", "re-recorded", "rerecorded", "reissue", "remaster",
    ]

    private enum Expressions {
        static let featuredInParentheses = expression(#"\((?:feat|ft|featuring|with)\.?\s+(.+?)\)"#)
        static let featuredInBrackets = expression(#"\[(?:feat|ft|featuring|with)\.?\s+(.+?)\]"#)
        static let anyBracket = expression(#"[\(\)\[\]]"#, ignoringCase: false)
        static let producerInBrackets = expression(#"\s?(\(|\[)prod\..*?(\)|\])\s?"#)
        static let producerPlain = expression(#"\s?\bprod\.\s*\S+"#)
        static let bracketedRemaster = expression(#"\s*[\\\[\(][^\)\]]*remaster[^\)\]]*[\)\]]\s*"#)
        static let hyphenatedRemaster = expression(#"\s-\s*[^\-]*\bremaster[^\-]*\s*"#)
        static let albumVersion = expression(
            #"\s*(\(|\[)[^\)\]]*?("# + albumVersionKeywords.joined(separator: "|") + #")[^\)\]]*?(\)|\])$"#)

        private static func expression(_ pattern: String, ignoringCase: Bool = true) -> NSRegularExpression {
            do {
                return try NSRegularExpression(pattern: pattern, options: ignoringCase ? [.caseInsensitive] : [])
            } catch {
                preconditionFailure("SwingMusic's expression '\(pattern)' does not compile: \(error)")
            }
        }
    }
}
