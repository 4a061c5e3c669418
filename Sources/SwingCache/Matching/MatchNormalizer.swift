import Foundation

/// Turns titles, artist names, albums and ISRCs into forms two catalogs can be compared in.
///
/// ```swift
/// MatchNormalizer.fold("Beyoncé & JAY-Z")                      // "beyonce and jay z"
/// MatchNormalizer.title("Let It Be - Remastered 2009").base    // "let it be"
/// MatchNormalizer.title("Let It Be (Live)").versions           // [.live]
/// MatchNormalizer.isrc("us-rc1-76-07839")                      // "USRC17607839"
/// ```
///
/// A bracketed group — `(…)`, `[…]`, `{…}` — or a suffix after " - " is read as one of:
/// - **featured artists** — it starts with feat, ft or featuring: removed, the names kept aside; one that starts
///   with "with" is kept aside as a with-credit, which the matcher reads as a credit or as another take;
/// - **another recording** — it holds live, unplugged, acoustic, remix, rmx, mix, edit, extended, demo,
///   instrumental, a cappella, karaoke, slowed, sped up, or names a dated or new mix ("2019 Mix", "New Mix") or
///   the single's version ("Single Version", an edit): removed from the base, kept as ``RecordingVersion``s;
/// - **the same recording** — a remaster ("Remastered 2011", "2009 Digital Remaster"), a year, mono, stereo,
///   "album version", "original mix", explicit, clean, bonus track, or a "From …" source note: removed;
/// - **part of the name** — anything else, such as "(I Can't Get No)" or "(Taylor's Version)": kept.
package enum MatchNormalizer {
    /// Lower case, diacritics and width removed, "&" read as "and", apostrophes dropped, every other run of
    /// punctuation or white space made one space.
    package static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var spaceDue = false
        func append(_ piece: String) {
            if spaceDue && !result.isEmpty { result.append(" ") }
            spaceDue = false
            result.append(piece)
        }
        for scalar in folded.unicodeScalars {
            if apostrophes.contains(scalar) { continue }
            if scalar == "&" {
                spaceDue = true
                append("and")
                spaceDue = true
            } else if let replacement = letterReplacements[scalar] {
                append(replacement)
            } else if CharacterSet.alphanumerics.contains(scalar) {
                append(String(scalar))
            } else {
                spaceDue = true
            }
        }
        return result
    }

    /// The title taken apart: base words, version markers, featured artists.
    package static func title(_ text: String) -> NormalizedTitle {
        let parts = titleParts(text)
        let base = fold(parts.kept.joined(separator: " "))
        return NormalizedTitle(
            base: base.isEmpty ? fold(text) : base, versions: parts.versions, featuredArtists: parts.featured,
            withCredits: parts.withCredits)
    }

    /// The album's folded name without edition markers: deluxe, expanded, anniversary, special or collector's
    /// edition, remastered, bonus tracks, a year. "Live …" and every other word stay.
    package static func album(_ text: String) -> String {
        let base = fold(albumParts(text).joined(separator: " "))
        return base.isEmpty ? fold(text) : base
    }

    /// One artist name folded, without a leading "the": "The Beatles" and "Beatles" compare equal.
    package static func artist(_ name: String) -> String {
        let folded = fold(name)
        return folded.hasPrefix("the ") ? String(folded.dropFirst(4)) : folded
    }

    /// Folded artist names, with credits such as "A feat. B" split in two, and placeholders such as
    /// "Unknown" (what SwingMusic writes when a file has no artist tag) left out. Order kept, duplicates removed.
    package static func artists(_ names: [String]) -> [String] {
        var result: [String] = []
        for name in names {
            let (main, credits) = splitTrailingFeaturing(name)
            for folded in [artist(main)] + credits.map(artist) where !folded.isEmpty && !placeholders.contains(folded) {
                if !result.contains(folded) { result.append(folded) }
            }
        }
        return result
    }

    /// Whether an artist or album tag says nothing: empty, "Unknown", "Unknown Artist", "Various Artists", or the
    /// same in the languages tag readers write them in ("Artiste inconnu", "Unbekannter Künstler", "Desconocido",
    /// "Sconosciuto", "Неизвестный исполнитель", "未知").
    package static func isPlaceholder(_ text: String?) -> Bool {
        guard let text else { return true }
        let folded = fold(text)
        return folded.isEmpty || placeholders.contains(folded)
    }

    /// Whether a title names no song: a numbered track ("Track 05", "Piste 3") or "Untitled" and its
    /// equivalents ("Sans titre", "Ohne Titel", "Без названия", "无题").
    package static func isPlaceholderTitle(_ text: String) -> Bool {
        let tokens = fold(text).split(separator: " ").map(String.init)
        guard let last = tokens.last else { return true }
        var words = tokens
        if isNumber(last) { words.removeLast() }
        let name = words.joined(separator: " ")
        if isNumber(last) && numberedTitleWords.contains(name) { return true }
        return untitledWords.contains(name) || placeholders.contains(name)
    }

    /// The versions a recording is, from its title, or when its title names none, from its album: a title
    /// without a marker on "Live at Leeds", "MTV Unplugged in New York" or "Pulse (Live)" is a live recording.
    package static func recordingVersions(title: NormalizedTitle, album: String?) -> Set<RecordingVersion> {
        guard title.versions.isEmpty, let album else { return title.versions }
        return albumVersions(album)
    }

    /// Whether an album's name has the word "live" without saying it is a live album: "Live and Well" is one,
    /// "Live Through This" is not.
    package static func albumMayBeLive(_ text: String) -> Bool {
        fold(text).split(separator: " ").contains("live")
    }

    /// What an album's name says about all its recordings: live (a "(Live)" or "- Live" note, "Live at", "Live
    /// in", "Live from", "Concert", a trailing "Live"), live and acoustic ("Unplugged"), or nothing. "Live
    /// Through This" says nothing: only those phrasings count.
    static func albumVersions(_ text: String) -> Set<RecordingVersion> {
        let folded = " " + fold(text) + " "
        if folded.contains(" unplugged ") { return [.live, .acoustic] }
        let livePhrases = [" live at ", " live in ", " live from ", " live on ", " concert "]
        if livePhrases.contains(where: folded.contains) || folded.hasSuffix(" live ") || folded == " live " {
            return [.live]
        }
        let segments = dashSegments(text)
        let groups = pieces(segments[0]).compactMap { piece -> String? in
            if case .group(let content) = piece { return content }
            return nil
        }
        var found = Set<RecordingVersion>()
        for content in groups + segments.dropFirst() {
            if case .versions(let versions) = meaning(of: content) { found.formUnion(versions) }
        }
        return found.intersection([.live, .acoustic])
    }

    /// The ISRC in its canonical form (12 characters, upper case, no dashes or spaces), or nil when `text` is
    /// not one: two letters, three letters or digits, seven digits.
    package static func isrc(_ text: String) -> String? {
        let compact = text.uppercased().unicodeScalars.filter { $0 != "-" && $0 != " " && $0 != "\t" }
        guard compact.count == 12 else { return nil }
        for (index, scalar) in compact.enumerated() {
            let letter = scalar.isASCII && ("A"..."Z").contains(scalar)
            let digit = scalar.isASCII && ("0"..."9").contains(scalar)
            switch index {
            case 0...1: guard letter else { return nil }
            case 2...4: guard letter || digit else { return nil }
            default: guard digit else { return nil }
            }
        }
        return String(String.UnicodeScalarView(compact))
    }
}

extension MatchNormalizer {
    private enum Piece {
        case text(String)
        case group(String)
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}"]
    private static let letterReplacements: [Unicode.Scalar: String] = [
        "\u{00F8}": "o", "\u{00E6}": "ae", "\u{0153}": "oe", "\u{00DF}": "ss", "\u{0142}": "l", "\u{0111}": "d",
        "\u{00F0}": "d", "\u{00FE}": "th", "\u{0131}": "i",
    ]
    private static let placeholders = Set(
        [
            "unknown", "unknown artist", "unknown album", "various artists", "various", "no artist", "artiste inconnu",
            "album inconnu", "inconnu", "unbekannter künstler", "unbekannter interpret", "unbekanntes album",
            "unbekannt", "desconocido", "artista desconocido", "álbum desconocido", "desconhecido",
            "artista desconhecido", "álbum desconhecido", "sconosciuto", "artista sconosciuto", "album sconosciuto",
            "onbekende artiest", "onbekend album", "okänd artist", "okänt album", "nieznany wykonawca",
            "nieznany album", "неизвестный исполнитель", "неизвестный альбом", "неизвестен", "неизвестно", "未知",
            "未知艺术家", "未知藝術家", "未知歌手", "未知专辑", "未知專輯", "不明なアーティスト", "不明なアルバム",
            "알 수 없는 아티스트", "알 수 없는 앨범",
        ].map(fold))
    /// "Track 5", "Piste 5", "Titel 5": a number named as a track, in the words tag readers use.
    private static let numberedTitleWords = Set(
        ["track", "audio track", "cd track", "piste", "titel", "pista", "traccia", "faixa", "spur", "utwor", "трек"]
            .map(fold))
    private static let untitledWords = Set(
        [
            "untitled", "untitled track", "no title", "unknown title", "sans titre", "titre inconnu", "ohne titel",
            "unbekannter titel", "sin titulo", "sin título", "senza titolo", "sem titulo", "без названия",
            "无题", "無題", "제목 없음",
        ].map(fold))
    private static let featuringWords: Set<String> = ["feat", "ft", "featuring"]
    /// "Unplugged" is a live performance on acoustic instruments: both.
    private static let versionWords: [String: Set<RecordingVersion>] = [
        "live": [.live], "unplugged": [.live, .acoustic], "acoustic": [.acoustic], "remix": [.remix],
        "remixed": [.remix], "rmx": [.remix], "slowed": [.remix], "sped": [.remix], "nightcore": [.remix],
        "edit": [.edit], "extended": [.extended], "demo": [.demo], "instrumental": [.instrumental],
        "acapella": [.acappella], "acappella": [.acappella], "cappella": [.acappella], "karaoke": [.karaoke],
    ]
    /// Words that, alone or together, say "this same recording": (Mono), (Single Version), (Original Mix).
    private static let sameRecordingWords: Set<String> = [
        "mono", "stereo", "version", "album", "original", "mix", "explicit", "clean", "bonus", "track",
        "digital", "digitally", "lp",
    ]
    /// A date such as "November 1975" after a live title names when it was recorded: the same recording.
    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let editionWords: Set<String> = [
        "deluxe", "edition", "expanded", "anniversary", "special", "collectors", "super", "bonus", "tracks", "track",
        "version", "reissue", "legacy", "limited", "remastered", "remaster", "and",
    ]

    /// What a bracketed group or a dash suffix says about the recording.
    private enum GroupMeaning {
        case featuring([String])
        case withCredit([String])
        case versions(Set<RecordingVersion>)
        case sameRecording
        case partOfName
    }

    /// The pieces of a title that name the song, in their original spelling, and what the others said.
    static func titleParts(_ text: String)
        -> (kept: [String], versions: Set<RecordingVersion>, featured: [String], withCredits: [String])
    {
        var kept: [String] = []
        var versions = Set<RecordingVersion>()
        var featured: [String] = []
        var withCredits: [String] = []
        func take(_ content: String) {
            switch meaning(of: content) {
            case .featuring(let names): featured += names
            case .withCredit(let names): withCredits += names
            case .versions(let found): versions.formUnion(found)
            case .sameRecording: break
            case .partOfName: kept.append(content)
            }
        }
        let segments = dashSegments(text)
        for piece in pieces(segments[0]) {
            switch piece {
            case .text(let words):
                let (name, credits) = splitTrailingFeaturing(words)
                kept.append(name)
                featured += credits
            case .group(let content):
                take(content)
            }
        }
        segments.dropFirst().forEach(take)
        return (kept, versions, featured, withCredits)
    }

    /// The pieces of an album name that are not edition markers, in their original spelling.
    static func albumParts(_ text: String) -> [String] {
        var kept: [String] = []
        let segments = dashSegments(text)
        for piece in pieces(segments[0]) {
            switch piece {
            case .text(let words): kept.append(words)
            case .group(let content): if !isEditionMarker(content) { kept.append(content) }
            }
        }
        return kept + segments.dropFirst().filter { !isEditionMarker($0) }
    }

    /// "A feat. B" → "A": the credited name without its featured artists, as written.
    static func primaryCredit(_ name: String) -> String {
        splitTrailingFeaturing(name).0
    }

    private static func meaning(of content: String) -> GroupMeaning {
        let tokens = fold(content).split(separator: " ").map(String.init)
        guard let first = tokens.first else { return .sameRecording }
        let named = { artistNames(in: String(content.drop { $0 == " " }.drop { $0 != " " })) }
        if featuringWords.contains(first) { return .featuring(named()) }
        if first == "with" { return .withCredit(named()) }
        if first == "from" { return .sameRecording }
        let found = tokens.reduce(into: Set<RecordingVersion>()) { $0.formUnion(versionWords[$1] ?? []) }
        if !found.isEmpty { return .versions(found) }
        if tokens.contains(where: { $0.hasPrefix("remaster") }) { return .sameRecording }
        if tokens.contains("mix"), tokens.contains(where: { $0 == "new" || isYear($0) }) { return .versions([.mix]) }
        // A "Single Version" is the edit made for the single; the same recording on a single has no such note.
        if tokens.contains("single") { return .versions([.edit]) }
        if tokens.allSatisfy({ sameRecordingWords.contains($0) || isNumber($0) }) { return .sameRecording }
        if tokens.allSatisfy({ monthNames.contains($0) || isNumber($0) }) { return .sameRecording }
        if tokens.contains("mix") { return .versions([.remix]) }
        return .partOfName
    }

    private static func isEditionMarker(_ content: String) -> Bool {
        let tokens = fold(content).split(separator: " ").map(String.init)
        if tokens.isEmpty { return true }
        if tokens.contains(where: { $0 == "deluxe" || $0 == "edition" || $0.hasPrefix("remaster") }) { return true }
        return tokens.allSatisfy { editionWords.contains($0) || isNumber($0) }
    }

    /// "1969", "2019".
    private static func isYear(_ token: String) -> Bool {
        token.count == 4 && token.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "2011", "40th".
    private static func isNumber(_ token: String) -> Bool {
        let digits = token.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        return ["", "st", "nd", "rd", "th"].contains(String(token.dropFirst(digits.count)))
    }

    /// "Song - Live - 2011" → ["Song", "Live", "2011"]; dashes inside brackets or words are left alone.
    private static func dashSegments(_ text: String) -> [String] {
        let characters = Array(text)
        var segments: [String] = []
        var current = ""
        var depth = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth = max(0, depth - 1) }
            let isSeparator =
                depth == 0 && "-\u{2013}\u{2014}".contains(character) && index > 0 && characters[index - 1] == " "
                && index + 1 < characters.count && characters[index + 1] == " "
            if isSeparator && !current.trimmingCharacters(in: .whitespaces).isEmpty {
                segments.append(current)
                current = ""
                index += 2
                continue
            }
            current.append(character)
            index += 1
        }
        segments.append(current)
        return segments
    }

    /// Splits text into plain runs and top-level bracketed groups; an unclosed bracket is plain text.
    private static func pieces(_ text: String) -> [Piece] {
        var result: [Piece] = []
        var current = ""
        var group = ""
        var depth = 0
        for character in text {
            if "([{".contains(character) {
                if depth == 0 {
                    if !current.isEmpty { result.append(.text(current)) }
                    current = ""
                } else {
                    group.append(character)
                }
                depth += 1
            } else if ")]}".contains(character) && depth > 0 {
                depth -= 1
                if depth == 0 {
                    result.append(.group(group))
                    group = ""
                } else {
                    group.append(character)
                }
            } else if depth > 0 {
                group.append(character)
            } else {
                current.append(character)
            }
        }
        current += group
        if !current.isEmpty { result.append(.text(current)) }
        return result
    }

    /// "Song feat. A & B" → ("Song", ["a", "b"]); text without a credit comes back whole.
    private static func splitTrailingFeaturing(_ text: String) -> (String, [String]) {
        for marker in [" feat. ", " feat ", " ft. ", " ft ", " featuring "] {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                return (String(text[..<range.lowerBound]), artistNames(in: String(text[range.upperBound...])))
            }
        }
        return (text, [])
    }

    /// "A, B & C and D" → ["a", "b", "c", "d"], folded.
    private static func artistNames(in text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: ",&;/"))
            .flatMap { $0.components(separatedBy: " and ") }
            .flatMap { $0.components(separatedBy: " And ") }
            .map(fold)
            .filter { !$0.isEmpty }
    }
}
