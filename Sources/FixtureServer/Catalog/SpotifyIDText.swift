/// What the Web API accepts as an id, checked here because `SpotifyID.isBase62ID` is internal to SwingCache.
enum SpotifyIDText {
    static let base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

    /// True for exactly 22 ASCII letters and digits, the only shape Spotify answers anything but 400 for.
    static func isValid(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 22
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            }
    }

    /// True for ids this fixture treats as deleted from the catalog, so clients can test their 404 and null paths.
    static func isMissing(_ id: some StringProtocol) -> Bool {
        id.hasPrefix("0000")
    }
}
