import SwingCache
import Testing

/// Artist names across scripts and spellings (issue 23, class 6): credits read as sets of people's names, misspellings,
/// and what MusicBrainz knows of the file's artist — never a lower threshold.
@Suite struct TrackMatcherArtistNameTests {
    let matcher = TrackMatcher()

    func artistScore(_ file: [String], _ candidate: [String], known: [KnownArtist] = []) -> Double {
        let local = LocalTrack(title: "Song", artists: file, album: "Album", durationSeconds: 200, knownArtists: known)
        let track = Track(id: "x", name: "Song", albumName: "Other", artistNames: candidate, durationMs: 200_000)
        return matcher.score(local, track).artist ?? -1
    }

    static let credits: [([String], [String], Double)] = [
        (["Beatles, The"], ["The Beatles"], 1.0),
        (["Hall, Daryl"], ["Daryl Hall"], 1.0),
        (["Queen & David Bowie"], ["Queen", "David Bowie"], 1.0),
        (["Daft Punk, Pharrell Williams & Nile Rodgers"], ["Daft Punk", "Pharrell Williams", "Nile Rodgers"], 1.0),
        (["Florence and the Machine"], ["Florence + The Machine"], 1.0),
        (["Hall & Oates"], ["Daryl Hall & John Oates"], 0.8),
        (["Simon"], ["Simon & Garfunkel"], 0.8),
    ]

    @Test(arguments: credits)
    func theSamePeopleCreditedInOtherWordsScoreAsTheSameArtists(file: [String], candidate: [String], expected: Double) {
        #expect(abs(artistScore(file, candidate) - expected) < 1e-9, "\(file) against \(candidate)")
    }

    /// A misspelling scores 1 less twice the share of letters edited, never more than a dropped word's 0.8.
    static let misspellings: [(String, String, Double)] = [
        ("Metalica", "Metallica", 7.0 / 9), ("Beyonse", "Beyoncé", 5.0 / 7), ("Nirvanna", "Nirvana", 0.75),
        ("Britney Speers", "Britney Spears", 0.8), ("Metallcia", "Metallica", 7.0 / 9), ("Земфирa", "Земфира", 5.0 / 7),
    ]

    @Test(arguments: misspellings)
    func aMisspeltArtistScoresBelowADroppedWord(file: String, candidate: String, expected: Double) {
        #expect(abs(artistScore([file], [candidate]) - expected) < 1e-9, "\(file) against \(candidate)")
    }

    /// Short names, another first letter, other digits: another artist as likely as a typo.
    static let nearNames: [(String, String, Double)] = [
        ("Adel", "Adele", 0.0), ("The Verve", "The Nerve", 0.0), ("Bryan Adams", "Ryan Adams", 0.5),
        ("Blink-182", "Blink-183", 0.5), ("Carpenters", "Sabrina Carpenter", 0.0), ("Кино", "Кипелов", 0.0),
    ]

    @Test(arguments: nearNames)
    func aNearNameThatMayBeAnotherArtistIsNoMisspelling(file: String, candidate: String, expected: Double) {
        #expect(abs(artistScore([file], [candidate]) - expected) < 1e-9, "\(file) against \(candidate)")
    }

    static let bts = KnownArtist(name: "BTS", sortName: "BTS", aliases: ["방탄소년단", "Bangtan Boys"])
    static let utada = KnownArtist(name: "宇多田ヒカル", sortName: "Utada, Hikaru", aliases: ["Utada Hikaru"])

    static let aliases: [(String, String, [KnownArtist], Double)] = [
        ("방탄소년단", "BTS", [bts], 1.0),
        ("Bangtan Boys", "BTS", [bts], 1.0),
        ("宇多田ヒカル", "Hikaru Utada", [utada], 1.0),
        ("방탄소년단", "BTS", [], 0.0),
        ("宇多田ヒカル", "Rihanna", [utada], 0.0),
        ("IU", "BTS", [bts], 0.0),
    ]

    @Test(arguments: aliases)
    func aFilesArtistIsAlsoEveryNameMusicBrainzKnowsItBy(
        file: String, candidate: String, known: [KnownArtist], expected: Double
    ) {
        #expect(abs(artistScore([file], [candidate], known: known) - expected) < 1e-9, "\(file) against \(candidate)")
    }

    @Test func aHangulTaggedFileMatchesTheLatinCreditOnlyWithWhatMusicBrainzKnows() {
        var springDay = LocalTrack(
            title: "Spring Day", artists: ["방탄소년단"], album: "You Never Walk Alone", durationSeconds: 274,
            isrc: "KRA381700432")
        let spotify = Track(
            id: "springDay", name: "Spring Day", albumName: "You Never Walk Alone", artistNames: ["BTS"],
            durationMs: 274_000)
        #expect(matcher.match(springDay, candidates: [spotify]).outcome == .lowConfidence)

        springDay.knownArtists = [Self.bts]
        let decision = matcher.match(springDay, candidates: [spotify])
        #expect(decision.outcome == .matched && decision.spotifyID == "springDay")
        #expect(
            springDay.fingerprint
                == LocalTrack(
                    title: "Spring Day", artists: ["방탄소년단"], album: "You Never Walk Alone", durationSeconds: 274,
                    isrc: "KRA381700432"
                ).fingerprint)
    }

    @Test func aMisspeltArtistMatchesWhenTheAlbumAgreesAndNotWhenItNamesAnother() {
        let halo = LocalTrack(title: "Halo", artists: ["Beyonse"], album: "I Am... Sasha Fierce", durationSeconds: 261)
        let right = Track(
            id: "halo", name: "Halo", albumName: "I AM...SASHA FIERCE", artistNames: ["Beyoncé"], durationMs: 261_000)
        #expect(matcher.match(halo, candidates: [right]).outcome == .matched)
        let elsewhere = Track(
            id: "other", name: "Halo", albumName: "Songs of Faith and Devotion", artistNames: ["Beyoncé"],
            durationMs: 261_000)
        #expect(matcher.match(halo, candidates: [elsewhere]).outcome == .lowConfidence)
    }
}
