import SwingCache

/// The aliases the fixture's MusicBrainz gives an artist, as `inc=aliases` (and a search) lists them: its name in
/// Cyrillic letters (locale `ru`, as MusicBrainz keeps for many artists), so a test can tag a file in another script
/// than Spotify's. The fixture's Spotify credits a search for such a name to the Latin one (``latin(_:)``), as
/// Spotify finds artists by their other names and credits them under the name it knows.
///
/// ```swift
/// MusicBrainzArtistAliases.cyrillic("Kino Lights")   // "Кино Лигхтс"
/// MusicBrainzArtistAliases.latin("Кино Лигхтс")      // "Kino Lights"
/// ```
package enum MusicBrainzArtistAliases {
    /// The `aliases` of the artist called `name`.
    static func json(for name: String) -> [JSONValue] {
        let alias = cyrillic(name)
        guard alias != name else { return [] }
        return [
            [
                "begin": .null, "end": .null, "ended": false, "locale": "ru", "name": .string(alias), "primary": true,
                "sort-name": .string(alias), "type": "Artist name", "type-id": "894afba6-2816-3c24-8072-eadb66bd04bc",
            ]
        ]
    }

    /// `name` with each Latin letter written in the Cyrillic letters that say it; other characters kept.
    package static func cyrillic(_ name: String) -> String {
        var text = ""
        for character in name {
            let lower = Character(character.lowercased())
            guard let letters = letters[lower] else {
                text.append(character)
                continue
            }
            text += character.isUppercase ? letters.prefix(1).uppercased() + letters.dropFirst() : letters
        }
        return text
    }

    /// The Latin name whose ``cyrillic(_:)`` is `name`, written with the first Latin letter of each Cyrillic one; nil
    /// when `name` has a letter that is not Cyrillic, or none.
    package static func latin(_ name: String) -> String? {
        var text = ""
        var sawLetter = false
        for character in name {
            guard character.isLetter else {
                text.append(character)
                continue
            }
            guard let letter = latinLetters[Character(character.lowercased())] else { return nil }
            sawLetter = true
            text.append(character.isUppercase ? Character(letter.uppercased()) : letter)
        }
        return sawLetter ? text : nil
    }

    private static let latinLetters: [Character: Character] = [
        "а": "a", "б": "b", "к": "k", "д": "d", "е": "e", "ф": "f", "г": "g", "х": "h", "и": "i", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "в": "v", "й": "y", "з": "z",
    ]

    private static let letters: [Character: String] = [
        "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж", "k": "к",
        "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в",
        "w": "в", "x": "кс", "y": "й", "z": "з",
    ]
}
