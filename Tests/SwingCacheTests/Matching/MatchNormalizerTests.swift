import SwingCache
import Testing

@Suite struct MatchNormalizerTests {
    @Test(arguments: [
        ("Beyoncé & JAY-Z", "beyonce and jay z"),
        ("  Sigur   Rós ", "sigur ros"),
        ("Don't Stop Me Now", "dont stop me now"),
        ("Don\u{2019}t Stop", "dont stop"),
        ("Mötley Crüe", "motley crue"),
        ("Æther, Søren & Œuvre", "aether soren and oeuvre"),
        ("Straße", "strasse"),
        ("ＡＢＣ", "abc"),
        ("Guns N' Roses", "guns n roses"),
        ("AC/DC", "ac dc"),
        ("P!nk", "p nk"),
        ("", ""),
    ])
    func foldingIgnoresCaseAccentsAndPunctuation(input: String, expected: String) {
        #expect(MatchNormalizer.fold(input) == expected)
    }

    @Test(arguments: [
        ("Let It Be - Remastered 2009", "let it be", [RecordingVersion](), [String]()),
        ("Let It Be (Remastered 2009)", "let it be", [], []),
        ("A Night to Remember [2011 Digital Remaster]", "a night to remember", [], []),
        ("Here Comes the Sun - 2019 Mix", "here comes the sun", [.mix], []),
        ("(I Can't Get No) Satisfaction - Mono Version", "i cant get no satisfaction", [], []),
        ("Song (Single Version)", "song", [.edit], []),
        ("Song (Original Mix)", "song", [], []),
        ("Song (2011)", "song", [], []),
        ("Let It Go - From \"Frozen\"", "let it go", [], []),
        ("Love Story (Taylor's Version)", "love story taylors version", [], []),
        ("Anti-Hero", "anti hero", [], []),
        ("Bohemian Rhapsody (Live Aid)", "bohemian rhapsody", [.live], []),
        ("Song [Live]", "song", [.live], []),
        ("Song - Live at Wembley 1986", "song", [.live], []),
        ("Song - Live / Remastered", "song", [.live], []),
        ("Song (Acoustic Version)", "song", [.acoustic], []),
        ("Song - Radio Edit", "song", [.edit], []),
        ("Song (Club Mix)", "song", [.remix], []),
        ("Song (Extended Mix)", "song", [.extended], []),
        ("Song (Demo)", "song", [.demo], []),
        ("Song (Instrumental)", "song", [.instrumental], []),
        ("Song (feat. Rihanna)", "song", [], ["rihanna"]),
        ("Song [ft. A & B]", "song", [], ["a", "b"]),
        ("Song feat. A, B", "song", [], ["a", "b"]),
        ("Song (Remix) [feat. X]", "song", [.remix], ["x"]),
        ("(Untitled)", "untitled", [], []),
        ("Song (Unplugged)", "song", [.live, .acoustic], []),
        ("Song - Live at the Hammersmith Odeon - November 1975", "song", [.live], []),
    ])
    func titlesSeparateTheSongFromItsVersionAndCredits(
        input: String, base: String, versions: [RecordingVersion], featured: [String]
    ) {
        #expect(
            MatchNormalizer.title(input)
                == NormalizedTitle(base: base, versions: Set(versions), featuredArtists: featured))
    }

    @Test func aWithCreditIsKeptApartForTheMatcherToRead() {
        #expect(
            MatchNormalizer.title("Song (with Ed Sheeran)")
                == NormalizedTitle(base: "song", withCredits: ["ed sheeran"]))
        #expect(
            MatchNormalizer.title("Wouldn't It Be Nice - With Long-Lost Guitars")
                == NormalizedTitle(base: "wouldnt it be nice", withCredits: ["long lost guitars"]))
    }

    @Test(arguments: [
        ("Abbey Road (Super Deluxe Edition)", "abbey road"),
        ("Rumours (Deluxe)", "rumours"),
        ("The Wall - Remastered", "the wall"),
        ("A Night at the Opera (2011 Remaster)", "a night at the opera"),
        ("Nevermind (30th Anniversary Edition)", "nevermind"),
        ("Live at Leeds", "live at leeds"),
        ("Hot Space (Live)", "hot space live"),
    ])
    func albumsLoseTheirEditionMarkersButNotTheirName(input: String, expected: String) {
        #expect(MatchNormalizer.album(input) == expected)
    }

    @Test(arguments: [
        (["The Beatles"], ["beatles"]),
        (["JAY-Z feat. Alicia Keys"], ["jay z", "alicia keys"]),
        (["Queen", "queen", "David Bowie"], ["queen", "david bowie"]),
        (["Unknown", "Unknown Artist", ""], []),
    ])
    func artistCreditsAreSplitFoldedAndDeduplicated(input: [String], expected: [String]) {
        #expect(MatchNormalizer.artists(input) == expected)
    }

    @Test(arguments: [
        ("USRC17607839", "USRC17607839"),
        ("us-rc1-76-07839", "USRC17607839"),
        (" USRC17607839 ", "USRC17607839"),
        ("USRC1760783", nil),
        ("USRC176078390", nil),
        ("12RC17607839", nil),
        ("USRC1760783X", nil),
        ("US@C17607839", nil),
        ("", nil),
    ])
    func isrcsAreCanonicalOrRejected(input: String, expected: String?) {
        #expect(MatchNormalizer.isrc(input) == expected)
    }

    @Test(arguments: [
        "Unknown Artist", "unknown album", "Various Artists", "Artiste inconnu", "Unbekannter Künstler", "Desconocido",
        "Sconosciuto", "Неизвестный исполнитель", "未知", "不明なアーティスト",
    ])
    func placeholderArtistsAndAlbumsInManyLanguagesSayNothing(tag: String) {
        #expect(MatchNormalizer.isPlaceholder(tag))
    }

    @Test(arguments: ["Unknown Mortal Orchestra", "Radiohead", "Sconosciuti Amici", "Various Positions"])
    func namesThatContainAPlaceholderWordAreNames(tag: String) {
        #expect(!MatchNormalizer.isPlaceholder(tag))
    }

    @Test(arguments: [
        ("Track 05", true), ("track 5", true), ("Piste 3", true), ("Titel 7", true), ("Трек 2", true),
        ("Untitled", true), ("Untitled 3", true), ("Sans titre", true), ("Ohne Titel", true), ("Без названия", true),
        ("无题", true), ("1979", false), ("22", false), ("Untitled (How Does It Feel)", false),
        ("Track 10 Blues", false), ("Unknown Legend", false),
    ])
    func numberedTracksAndUntitledAreNotTitles(title: String, isPlaceholder: Bool) {
        #expect(MatchNormalizer.isPlaceholderTitle(title) == isPlaceholder)
    }

    @Test(arguments: [
        ("Live at Leeds", [RecordingVersion.live]), ("MTV Unplugged in New York", [.live, .acoustic]),
        ("Pulse (Live)", [.live]), ("Back in the U.S. (Live 2002)", [.live]), ("Nirvana Live", [.live]),
        ("Live in Berlin", [.live]), ("Live Through This", []), ("Alive", []), ("OK Computer", []),
        ("Live and Well", []),
    ])
    func aTitleWithoutVersionsTakesItsAlbumsLiveNote(album: String, versions: [RecordingVersion]) {
        #expect(MatchNormalizer.recordingVersions(title: MatchNormalizer.title("Song"), album: album) == Set(versions))
    }

    @Test func aTitlesOwnVersionsOutweighItsAlbums() {
        let remix = MatchNormalizer.title("Song - Club Mix")
        #expect(MatchNormalizer.recordingVersions(title: remix, album: "Live at Leeds") == [.remix])
    }
}
