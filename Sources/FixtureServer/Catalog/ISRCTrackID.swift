/// Ties a generated track's id to its ISRC, so a search hit and a later `GET /v1/tracks/{id}` tell the same story.
///
/// The id is `Isrc` + the 12-character ISRC + 6 characters derived from it: 22 base62 characters, as Spotify's are.
enum ISRCTrackID {
    private static let marker = "Isrc"

    /// The generated track id for an ISRC, or nil when the text is not an ISRC (`CC` `XXX` `YY` `NNNNN`).
    static func trackID(forISRC isrc: String) -> String? {
        guard isWellFormedISRC(isrc) else { return nil }
        var draws = DeterministicDraws("isrc", isrc)
        return marker + isrc + draws.text(count: 6, from: SpotifyIDText.base62Alphabet)
    }

    /// The ISRC a generated track id carries, or nil for ids not made by `trackID(forISRC:)`.
    static func isrc(encodedIn trackID: String) -> String? {
        guard trackID.hasPrefix(marker), trackID.utf8.count == 22 else { return nil }
        let isrc = String(trackID.dropFirst(marker.count).prefix(12))
        return isWellFormedISRC(isrc) ? isrc : nil
    }

    /// True for two capital letters, three capitals or digits, then seven digits.
    static func isWellFormedISRC(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 12 else { return false }
        let isLetter = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return bytes[0..<2].allSatisfy(isLetter)
            && bytes[2..<5].allSatisfy { isLetter($0) || isDigit($0) }
            && bytes[5..<12].allSatisfy(isDigit)
    }
}
