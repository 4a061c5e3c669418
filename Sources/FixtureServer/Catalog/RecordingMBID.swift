/// Ties MusicBrainz recording ids to the ISRC they were made from, so `/isrc/{ISRC}` and `/recording/{mbid}` agree.
///
/// The ISRC, read as a base-36 number, fills 16 hex digits; one digit says which recording of the ISRC it is and
/// 13 more are drawn from the ISRC as a check. With the version `4` and variant `8` digits that is a valid v4 UUID.
enum RecordingMBID {
    /// How many recordings MusicBrainz lists for the ISRC: two for about one ISRC in five, else one.
    static func recordingCount(forISRC isrc: String) -> Int {
        var draws = DeterministicDraws("musicbrainz", "isrc", isrc)
        return draws.chance(0.2) ? 2 : 1
    }

    /// The recording ids for a well-formed ISRC, in the order MusicBrainz lists them.
    static func mbids(forISRC isrc: String) -> [String] {
        guard ISRCTrackID.isWellFormedISRC(isrc), let number = base36Number(isrc) else { return [] }
        let isrcDigits = hex(number, width: 16)
        return (0..<recordingCount(forISRC: isrc)).map { index in
            let digits = isrcDigits + String(index) + check(isrc: isrc, index: index)
            let characters = Array(digits)
            let timeAndVersion: String = String(characters[0..<12]) + "4" + String(characters[12..<15])
            let rest: String = "8" + String(characters[15...])
            return UUIDText.format(timeAndVersion + rest)
        }
    }

    /// The ISRC and position a recording id was made from, or nil for any other id.
    static func recording(encodedIn mbid: String) -> (isrc: String, index: Int)? {
        guard let digits = UUIDText.digits(of: mbid) else { return nil }
        let characters = Array(digits)
        guard characters[12] == "4", characters[16] == "8" else { return nil }
        let head: String = String(characters[0..<12]) + String(characters[13..<16])
        let payload: String = head + String(characters[17...])
        let payloadCharacters = Array(payload)
        guard let number = UInt64(String(payloadCharacters[0..<16]), radix: 16),
            let index = Int(String(payloadCharacters[16]))
        else { return nil }
        let isrc = base36Text(number)
        guard ISRCTrackID.isWellFormedISRC(isrc), index < recordingCount(forISRC: isrc),
            String(payloadCharacters[17...]) == check(isrc: isrc, index: index)
        else { return nil }
        return (isrc, index)
    }

    private static let base36Alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    private static func check(isrc: String, index: Int) -> String {
        var draws = DeterministicDraws("musicbrainz", "mbid", isrc, String(index))
        return draws.text(count: 13, from: "0123456789abcdef")
    }

    private static func base36Number(_ text: String) -> UInt64? {
        var number: UInt64 = 0
        for character in text {
            guard let digit = base36Alphabet.firstIndex(of: character) else { return nil }
            number = number * 36 + UInt64(digit)
        }
        return number
    }

    private static func base36Text(_ number: UInt64) -> String {
        var remaining = number
        var characters: [Character] = []
        for _ in 0..<12 {
            characters.append(base36Alphabet[Int(remaining % 36)])
            remaining /= 36
        }
        return remaining == 0 ? String(characters.reversed()) : ""
    }

    private static func hex(_ number: UInt64, width: Int) -> String {
        let text = String(number, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
