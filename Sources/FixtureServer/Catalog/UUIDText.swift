/// Reads and writes the 8-4-4-4-12 hexadecimal text MusicBrainz and ListenBrainz use for ids.
enum UUIDText {
    /// `digits` (32 hexadecimal characters) with dashes after the 8th, 12th, 16th and 20th.
    static func format(_ digits: String) -> String {
        let characters = Array(digits)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// The 32 lowercase digits of a UUID, or nil when `text` is not one.
    static func digits(of text: String) -> String? {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.utf8.count) == [8, 4, 4, 4, 12] else { return nil }
        let digits = parts.joined()
        guard digits.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        return digits
    }
}
