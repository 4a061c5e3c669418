import SwingCache
import Testing

@Suite struct SpotifyIDTests {
    @Test(arguments: [
        ("4iV5W9uYEdYUVa79Axb7Rh", EntityKind.track),
        ("  4iV5W9uYEdYUVa79Axb7Rh\t", .track),
        ("spotify:track:4iV5W9uYEdYUVa79Axb7Rh", .track),
        ("spotify:album:4iV5W9uYEdYUVa79Axb7Rh", .album),
        ("spotify:artist:4iV5W9uYEdYUVa79Axb7Rh", .artist),
        ("https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh", .track),
        ("https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh?si=1a2b3c4d5e6f7a8b", .track),
        ("http://open.spotify.com/album/4iV5W9uYEdYUVa79Axb7Rh?si=x&utm_source=copy", .album),
        ("open.spotify.com/artist/4iV5W9uYEdYUVa79Axb7Rh", .artist),
        ("https://open.spotify.com/intl-de/track/4iV5W9uYEdYUVa79Axb7Rh?si=abc", .track),
        ("https://open.spotify.com/intl-pt/album/4iV5W9uYEdYUVa79Axb7Rh#top", .album),
    ])
    func everyFormUsersPasteNormalisesToTheSameID(input: String, kind: EntityKind) throws {
        let id = try SpotifyID(parsing: input, expecting: kind)
        #expect(id == SpotifyID(kind: kind, value: "4iV5W9uYEdYUVa79Axb7Rh"))
        #expect(id.uri == "spotify:\(kind.rawValue):4iV5W9uYEdYUVa79Axb7Rh")
    }

    @Test(arguments: [
        ("", SpotifyIDError.Problem.malformedID),
        ("4iV5W9uYEdYUVa79Axb7R", .malformedID),
        ("4iV5W9uYEdYUVa79Axb7Rhh", .malformedID),
        ("4iV5W9uYEdYUVa79Axb7R!", .malformedID),
        ("4iV5W9uYEdYUVa79Axb7Ré", .malformedID),
        ("spotify:track", .malformedURI),
        ("spotify:track:4iV5W9uYEdYUVa79Axb7Rh:extra", .malformedURI),
        ("spotify:trak:4iV5W9uYEdYUVa79Axb7Rh", .unknownKind("trak")),
        ("spotify:playlist:4iV5W9uYEdYUVa79Axb7Rh", .unknownKind("playlist")),
        ("spotify:album:4iV5W9uYEdYUVa79Axb7Rh", .wrongKind(found: .album, expected: .track)),
        ("https://open.spotify.com/artist/4iV5W9uYEdYUVa79Axb7Rh", .wrongKind(found: .artist, expected: .track)),
        ("https://open.spotify.com/track/", .malformedLink),
        ("https://open.spotify.com/track/4iV5W9uYEdYUVa79Axb7Rh/extra", .malformedLink),
        ("https://open.spotify.com/track/short?si=abc", .malformedID),
        ("https://example.com/track/4iV5W9uYEdYUVa79Axb7Rh", .malformedID),
    ])
    func malformedInputIsRejectedWithItsReason(input: String, problem: SpotifyIDError.Problem) {
        #expect(throws: SpotifyIDError(input: input, problem: problem)) {
            try SpotifyID(parsing: input, expecting: .track)
        }
    }

    @Test func errorMessagesQuoteWhatTheUserWrote() {
        let error = SpotifyIDError(input: "spotify:trak:4iV5W9uYEdYUVa79Axb7Rh", problem: .unknownKind("trak"))
        #expect(
            error.description
                == "'spotify:trak:4iV5W9uYEdYUVa79Axb7Rh' is not a Spotify id: 'trak' is not a kind (expected track, album or artist)"
        )
        let wrong = SpotifyIDError(input: "spotify:album:x", problem: .wrongKind(found: .album, expected: .track))
        #expect(wrong.description == "'spotify:album:x' is an album id, listed under tracks")
    }
}

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("500ms", 0.5), ("90s", 90.0), ("15m", 900.0), ("12h", 43_200.0), ("7d", 604_800.0), ("1.5h", 5400.0),
        (" 2s ", 2.0), ("0s", 0.0),
    ])
    func durationsReadAsSeconds(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: ["", "12", "h", "12 hours", "-5s", "1e3s", "twelve hours", "12H", "5w", "1.2.3s"])
    func anythingElseIsNotADuration(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [
        (0.25, "250ms"), (2.0, "2s"), (1.5, "1.5s"), (90.0, "1m30s"), (5400.0, "1h30m"), (43_200.0, "12h"),
        (694_800.0, "8d1h"),
    ])
    func durationsPrintCompactly(seconds: Double, text: String) {
        #expect(DurationText.format(seconds) == text)
    }

    @Test(arguments: [
        (1e20, "1157407407407408d"), (-1e20, "-1157407407407408d"), (Double(Int.max), "106751991167301d"),
        (.greatestFiniteMagnitude, String(format: "%.0fd", Double.greatestFiniteMagnitude / 86_400)),
        (.infinity, "forever"), (.nan, "forever"),
    ])
    func anyDurationPrintsWithoutTrapping(seconds: Double, text: String) {
        #expect(DurationText.format(seconds) == text)
    }
}

@Suite struct SaturatingConversionTests {
    @Test(arguments: [
        (1e30, Int.max), (-1e30, Int.min), (Double(Int.max), Int.max), (Double.nan, 0), (Double.infinity, Int.max),
        (41.9, 41), (-41.9, -41),
    ])
    func figuresTooLargeForIntAreHeldAtItsEnds(value: Double, expected: Int) {
        #expect(Int(saturating: value) == expected)
    }
}
