import Testing

@testable import SwingCache

/// Id files are read on their bytes where that gives the same answer as reading characters.
@Suite struct IDFileReadingTests {
    @Test(arguments: [
        "4iV5W9uYEdYUVa79Axb7Rh", "spotify:album:0sNOF9WDwhWunNAHPD3Baj", "spotify:artist:x", "spotify:trak:x",
        "https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh?si=1", "open.spotify.com/intl-de/album/x",
        "http://open.spotify.com/intl-de/x/artist/y", "open.spotify.com/", "spotify:", "xspotify:track:a",
        "https://example.com/open.spotify.com/album/x", "open.spotify.com/intl-/track/", "",
    ])
    func theKindOfAnASCIIEntryIsReadTheSameOnBytes(entry: String) {
        var bytes = entry
        let onBytes = bytes.withUTF8 { SpecReader.kind(ofASCII: $0) }
        #expect(onBytes == SpecReader.kind(of: entry[...]))
    }
}
