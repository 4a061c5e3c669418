import SwingCache
import Testing

@Suite struct TrackMatcherTests {
    let matcher = TrackMatcher()

    func candidate(
        _ id: String, _ name: String, artists: [String] = ["The Beatles"], album: String? = "Let It Be",
        seconds: Double? = 243, isrc: String? = nil
    ) -> Track {
        Track(
            id: id, name: name, albumName: album, artistNames: artists, isrc: isrc,
            durationMs: seconds.map { Int($0 * 1000) })
    }

    let letItBe = LocalTrack(title: "Let It Be", artists: ["The Beatles"], album: "Let It Be", durationSeconds: 243)

    @Test func aCandidateWithTheSameISRCMatchesWithFullConfidence() {
        var local = letItBe
        local.isrc = "gb-aye-06-01498"
        let decision = matcher.match(
            local,
            candidates: [
                candidate("exactTitleOtherISRC", "Let It Be", isrc: "GBAYE0601499"),
                candidate(
                    "sameISRC", "Let It Be - Remastered 2009", album: "Let It Be (Remastered)", isrc: "GBAYE0601498"),
            ])
        #expect(decision.method == .isrc)
        #expect(decision.outcome == .matched)
        #expect(decision.spotifyID == "sameISRC")
        #expect(decision.confidence == 1)
        #expect(decision.isUsable)
    }

    @Test func amongCandidatesSharingTheISRCTheClosestDurationWinsThenTheBetterScoreThenTheSmallerID() {
        var local = letItBe
        local.isrc = "GBAYE0601498"
        let byDuration = matcher.match(
            local,
            candidates: [
                candidate("far", "Let It Be", seconds: 250, isrc: "GBAYE0601498"),
                candidate("near", "Let It Be", album: "1", seconds: 244, isrc: "GBAYE0601498"),
            ])
        #expect(byDuration.spotifyID == "near")
        let byScore = matcher.match(
            local,
            candidates: [
                candidate("compilation", "Let It Be", album: "1", isrc: "GBAYE0601498"),
                candidate("original", "Let It Be", album: "Let It Be", isrc: "GBAYE0601498"),
            ])
        #expect(byScore.spotifyID == "original")
        let byID = matcher.match(
            local,
            candidates: [
                candidate("zz", "Let It Be", isrc: "GBAYE0601498"), candidate("aa", "Let It Be", isrc: "GBAYE0601498"),
            ])
        #expect(byID.spotifyID == "aa")
    }

    @Test func anISRCNoCandidateSharesFallsBackToTheSearchScore() {
        var local = letItBe
        local.isrc = "GBAYE0601498"
        let decision = matcher.match(local, candidates: [candidate("other", "Let It Be", isrc: "GBAYE0601499")])
        #expect(decision.method == .search)
        #expect(decision.outcome == .matched)
        #expect(decision.spotifyID == "other")
    }

    @Test func aSearchMatchesDespiteARemasterSuffixAndACompilationAlbum() {
        let local = LocalTrack(title: "Hey Jude", artists: ["The Beatles"], album: "Hey Jude", durationSeconds: 428)
        let decision = matcher.match(
            local,
            candidates: [
                candidate("heyJude", "Hey Jude - Remastered 2015", album: "1 (Remastered)", seconds: 425.3),
                candidate("revolution", "Revolution - Remastered 2015", album: "1 (Remastered)", seconds: 205),
            ])
        #expect(decision.outcome == .matched)
        #expect(decision.spotifyID == "heyJude")
        #expect(decision.score == MatchScore(title: 1, artist: 1, album: 0, duration: 1))
        #expect(abs(decision.confidence - 0.9) < 1e-9)
    }

    @Test func aLiveFilePrefersTheLiveRecordingAndNeverMatchesTheStudioOne() {
        let local = LocalTrack(
            title: "Bohemian Rhapsody (Live Aid)", artists: ["Queen"], album: "Live Aid", durationSeconds: 150)
        let studio = candidate(
            "studio", "Bohemian Rhapsody - Remastered 2011", artists: ["Queen"], album: "A Night At The Opera",
            seconds: 354)
        let live = candidate(
            "live", "Bohemian Rhapsody - Live Aid", artists: ["Queen"], album: "Live Aid", seconds: 151)
        #expect(matcher.match(local, candidates: [studio, live]).spotifyID == "live")
        #expect(matcher.match(local, candidates: [studio, live]).outcome == .matched)
        let studioOnly = matcher.match(local, candidates: [studio])
        #expect(studioOnly.outcome == .lowConfidence)
        #expect(!studioOnly.isUsable)

        let studioFile = LocalTrack(
            title: "Bohemian Rhapsody", artists: ["Queen"], album: "A Night at the Opera", durationSeconds: 151)
        #expect(matcher.score(studioFile, live).total < matcher.score(studioFile, studio).total)
    }

    @Test func featuredArtistsInTheTitleCountAsArtists() {
        let local = LocalTrack(
            title: "Empire State of Mind (feat. Alicia Keys)", artists: ["JAY-Z"], album: "The Blueprint 3",
            durationSeconds: 276)
        let spotify = candidate(
            "esom", "Empire State Of Mind", artists: ["JAY-Z", "Alicia Keys"], album: "The Blueprint 3", seconds: 276.9)
        let decision = matcher.match(local, candidates: [spotify])
        #expect(decision.outcome == .matched)
        #expect(decision.score?.artist == 1)
        #expect(decision.score?.title == 1)

        let credited = LocalTrack(
            title: "Empire State of Mind", artists: ["JAY-Z feat. Alicia Keys"], album: "The Blueprint 3",
            durationSeconds: 276)
        #expect(matcher.match(credited, candidates: [spotify]).confidence == 1)
    }

    @Test func twoDifferentRecordingsThatScoreAlikeAreAmbiguous() {
        let decision = matcher.match(
            letItBe,
            candidates: [
                candidate(
                    "single", "Let It Be", album: "Let It Be / You Know My Name", seconds: 246.5, isrc: "GBAYE0601498"),
                candidate("album", "Let It Be", album: "Let It Be / You Know My Name", isrc: "GBAYE0601499"),
            ])
        #expect(decision.outcome == .ambiguous)
        #expect(decision.spotifyID == "album")
        #expect(decision.runnerUpID == "single")
        #expect(!decision.isUsable)
    }

    @Test func twoReleasesOfTheSameRecordingAreNotAmbiguous() {
        let decision = matcher.match(
            letItBe,
            candidates: [
                candidate("single", "Let It Be", isrc: "GBAYE0601498"),
                candidate("album", "Let It Be", isrc: "GBAYE0601498"),
            ])
        #expect(decision.outcome == .matched)
        #expect(decision.spotifyID == "album")
    }

    @Test func releasesOfOneRecordingTakeTheFilesAlbumThenItsTitleAsWrittenThenTheEarliestThenTheExplicit() {
        func release(
            _ id: String, _ name: String = "Let It Be", album: String = "1", date: String? = nil, explicit: Bool = false
        ) -> Track {
            Track(
                id: id, name: name, albumName: album, artistNames: ["The Beatles"], durationMs: 243_000,
                explicit: explicit, releaseDate: date)
        }
        let noAlbum = LocalTrack(title: "Let It Be", artists: ["The Beatles"], durationSeconds: 243)
        let onAlbum = matcher.match(letItBe, candidates: [release("onOne"), release("onLetItBe", album: "Let It Be")])
        #expect(onAlbum.spotifyID == "onLetItBe" && onAlbum.method == .search)
        let asWritten = matcher.match(noAlbum, candidates: [release("a", "Let It Be - Mono"), release("b")])
        #expect(asWritten.outcome == .matched && asWritten.method == .release)
        #expect(asWritten.spotifyID == "b" && asWritten.runnerUpID == "a")
        let earliest = matcher.match(
            noAlbum, candidates: [release("late", date: "2000-11-13"), release("original", date: "1970-05-08")])
        #expect(earliest.spotifyID == "original")
        let explicitFirst = matcher.match(noAlbum, candidates: [release("clean"), release("uncut", explicit: true)])
        #expect(explicitFirst.spotifyID == "uncut")
    }

    @Test func aWithNoteNamingNoArtistIsAnotherTakeAndOneNamingAnArtistIsACredit() {
        let local = LocalTrack(title: "Wouldn't It Be Nice", artists: ["The Beach Boys"], durationSeconds: 153)
        let take = candidate(
            "take", "Wouldn't It Be Nice - With Long-Lost Guitars", artists: ["The Beach Boys"], seconds: 153)
        #expect(matcher.match(local, candidates: [take]).outcome == .lowConfidence)
        let duet = LocalTrack(title: "Perfect Duet (with Beyoncé)", artists: ["Ed Sheeran"], durationSeconds: 259)
        let credited = candidate("duet", "Perfect Duet", artists: ["Ed Sheeran", "Beyoncé"], album: nil, seconds: 259)
        #expect(matcher.match(duet, candidates: [credited]).score?.artist == 1)
    }

    @Test func aMissingFeaturedArtistCostsEnoughToTellTheSoloTrackFromTheDuet() {
        let local = LocalTrack(title: "Stay With Me", artists: ["Sam Smith"], durationSeconds: 172)
        let duet = candidate(
            "duet", "Stay With Me (feat. Mary J. Blige)", artists: ["Sam Smith", "Mary J. Blige"], album: nil,
            seconds: 172)
        let solo = candidate("solo", "Stay With Me", artists: ["Sam Smith"], album: nil, seconds: 172)
        let decision = matcher.match(local, candidates: [duet, solo])
        #expect(decision.outcome == .matched && decision.spotifyID == "solo")
    }

    @Test func aDatedMixIsAnotherVersionAndAConcertAlbumIsLive() {
        let mix = candidate("mix", "Let It Be - 2019 Mix")
        #expect(matcher.match(letItBe, candidates: [mix]).outcome == .lowConfidence)
        let boxer = LocalTrack(
            title: "The Boxer", artists: ["Simon & Garfunkel"], album: "The Concert in Central Park",
            durationSeconds: 318)
        let studio = candidate(
            "studio", "The Boxer", artists: ["Simon & Garfunkel"], album: "Bridge Over Troubled Water", seconds: 308)
        let live = candidate(
            "live", "The Boxer - Live at Central Park, New York, NY - September 1981", artists: ["Simon & Garfunkel"],
            album: "The Concert in Central Park", seconds: 318)
        #expect(matcher.match(boxer, candidates: [studio, live]).spotifyID == "live")
        #expect(matcher.match(boxer, candidates: [studio]).outcome == .lowConfidence)
    }

    @Test func whyTheFirstCandidateWasNotTakenNamesThePartThatFellShortOrTheRival() {
        let rule = MatchRule()
        let live = matcher.match(letItBe, candidates: [candidate("live", "Let It Be - Live")])
        #expect(
            rule.whyNotTaken(outcome: live.outcome, candidates: live.candidates, fileTitle: letItBe.title)
                == "1. scores 0.76, under 0.85: its title names another version (title 0.40)")
        let twoTakes = matcher.match(
            letItBe, candidates: [candidate("a", "Let It Be"), candidate("b", "Let It Be", seconds: 246.5)])
        #expect(
            rule.whyNotTaken(outcome: twoTakes.outcome, candidates: twoTakes.candidates, fileTitle: letItBe.title)
                == "1. and 2. are different recordings 0.01 apart, under 0.03: which is yours?")
        let placeholders = LocalTrack(
            title: "Hallelujah", artists: ["Unknown Artist"], album: "Unknown Album", durationSeconds: 243)
        let cover = matcher.match(placeholders, candidates: [candidate("c", "Hallelujah", artists: ["Jeff Buckley"])])
        #expect(
            rule.whyNotTaken(outcome: cover.outcome, candidates: cover.candidates, fileTitle: placeholders.title)
                .hasPrefix(
                    "1. scores 1.00, but the file names too little to be sure"))
        #expect(
            rule.whyNotTaken(outcome: .noCandidates, candidates: [], fileTitle: "Let It Be")
                == "the searches found no candidate")
        let hangul = LocalTrack(title: "다이너마이트", artists: ["방탄소년단"], durationSeconds: 199)
        let latin = matcher.match(hangul, candidates: [candidate("d", "Dynamite", artists: ["BTS"], seconds: 199)])
        #expect(
            rule.whyNotTaken(outcome: latin.outcome, candidates: latin.candidates, fileTitle: hangul.title).hasPrefix(
                "1. scores 0.22, under 0.85: the titles differ (title 0.00); the artists differ (artist 0.00)"))
    }

    @Test func theSameCandidateListedTwiceIsOneCandidate() {
        let once = candidate("letItBe", "Let It Be")
        #expect(matcher.match(letItBe, candidates: [once, once]).outcome == .matched)
    }

    @Test func aCoverByAnotherArtistIsReportedButNotUsed() {
        let decision = matcher.match(
            letItBe, candidates: [candidate("cover", "Let It Be", artists: ["Aretha Franklin"], album: "Lady Soul")])
        #expect(decision.outcome == .lowConfidence)
        #expect(decision.spotifyID == "cover")
        #expect(decision.confidence < 0.85)
    }

    @Test func nothingToChooseFromSaysSo() {
        #expect(matcher.match(letItBe, candidates: []) == TrackMatch(method: .search, outcome: .noCandidates))
    }

    @Test func partsTheFileDoesNotHaveAreLeftOutOfTheScore() {
        let bare = LocalTrack(title: "Let It Be", artists: ["The Beatles"], album: "Unknown", durationSeconds: 0)
        let score = matcher.score(bare, candidate("x", "Let It Be", album: "Something Else", seconds: 500))
        #expect(score == MatchScore(title: 1, artist: 1, album: nil, duration: nil))
        #expect(score.total == 1)
    }

    @Test(arguments: [
        (0.0, 1.0), (3.0, 1.0), (-3.0, 1.0), (4.0, 6.0 / 7.0), (6.5, 0.5), (-6.5, 0.5), (9.0, 1.0 / 7.0), (10.0, 0.0),
        (-10.0, 0.0), (45.0, 0.0),
    ])
    func durationMarksAreFullWithinThreeSecondsAndNoneFromTen(gap: Double, expected: Double) {
        #expect(abs(MatchRule().durationScore(gap: gap) - expected) < 1e-9)
    }

    /// Each case: the local file against one candidate, the expected total and whether it would be used.
    @Test(arguments: [
        ("identical", "Let It Be", ["The Beatles"], "Let It Be", 243.0, 1.0, true),
        ("remaster suffix", "Let It Be - Remastered 2009", ["The Beatles"], "Let It Be", 243.0, 1.0, true),
        ("6.5 s longer", "Let It Be", ["The Beatles"], "Let It Be", 249.5, 0.9, true),
        ("12 s longer", "Let It Be", ["The Beatles"], "Let It Be", 255.0, 0.8, false),
        ("other album, same length", "Let It Be", ["The Beatles"], "1", 243.0, 0.9, true),
        ("live take", "Let It Be - Live", ["The Beatles"], "Let It Be", 243.0, 0.76, false),
        ("other artist", "Let It Be", ["Aretha Franklin"], "Let It Be", 243.0, 0.7, false),
        ("other song", "Across the Universe", ["The Beatles"], "Let It Be", 243.0, 0.6, false),
    ])
    func theScoreWeighsTitleArtistDurationAndAlbum(
        label: String, name: String, artists: [String], album: String, seconds: Double, total: Double, used: Bool
    ) {
        let spotify = candidate("x", name, artists: artists, album: album, seconds: seconds)
        let score = matcher.score(letItBe, spotify)
        #expect(abs(score.total - total) < 0.01, "\(label): \(score)")
        #expect((score.total >= MatchRule().matchThreshold) == used, "\(label)")
    }

    @Test func anISRCHitOfAnotherVersionIsScoredNotTaken() {
        let radioEdit = LocalTrack(
            title: "Bohemian Rhapsody (Radio Edit)", artists: ["Queen"], album: "Greatest Hits Radio Edits",
            durationSeconds: 238, isrc: "GBUM71029604")
        let albumVersion = candidate(
            "album", "Bohemian Rhapsody - Remastered 2011", artists: ["Queen"], album: "A Night At The Opera",
            seconds: 354, isrc: "GBUM71029604")
        let versionWords = matcher.match(radioEdit, candidates: [albumVersion])
        #expect(versionWords.method == .search)
        #expect(!versionWords.isUsable)
        #expect(matcher.needsTextSearch(after: versionWords))

        let albumFile = LocalTrack(
            title: "November Rain", artists: ["Guns N' Roses"], album: "Use Your Illusion I", durationSeconds: 537,
            isrc: "USGF19141510")
        let shorterEdit = candidate(
            "edit", "November Rain", artists: ["Guns N' Roses"], album: "Greatest Hits", seconds: 319,
            isrc: "USGF19141510")
        let right = candidate(
            "right", "November Rain", artists: ["Guns N' Roses"], album: "Use Your Illusion I", seconds: 537,
            isrc: "USGF19141511")
        #expect(!matcher.match(albumFile, candidates: [shorterEdit]).isUsable)
        let withTextAnswer = matcher.match(albumFile, candidates: [shorterEdit, right])
        #expect(withTextAnswer.method == .search)
        #expect(withTextAnswer.outcome == .matched)
        #expect(withTextAnswer.spotifyID == "right")
    }

    @Test func aTitleAndADurationWithPlaceholdersBesideThemAreNoMatch() {
        let buckley = candidate("buckley", "Hallelujah", artists: ["Jeff Buckley"], album: "Grace", seconds: 414)
        let untagged = LocalTrack(
            title: "Hallelujah", artists: ["Unknown Artist"], album: "Unknown Album", durationSeconds: 414)
        #expect(matcher.match(untagged, candidates: [buckley]).outcome == .lowConfidence)
        let french = LocalTrack(title: "Hallelujah", artists: ["Artiste inconnu"], durationSeconds: 414)
        #expect(!matcher.match(french, candidates: [buckley]).isUsable)

        let ripped = LocalTrack(
            title: "Track 05", artists: ["Unknown Artist"], album: "Unknown Album", durationSeconds: 245)
        let junk = candidate("junk", "Track 5", artists: ["Unknown Artist"], album: "Untitled", seconds: 245)
        #expect(!matcher.match(ripped, candidates: [junk]).isUsable)
    }

    @Test func aRealAlbumThatAgreesStandsInForAPlaceholderArtist() {
        let local = LocalTrack(
            title: "Everlong", artists: ["Unknown Artist"], album: "The Colour and the Shape", durationSeconds: 250)
        let everlong = candidate(
            "everlong", "Everlong", artists: ["Foo Fighters"], album: "The Colour And The Shape", seconds: 250)
        #expect(matcher.match(local, candidates: [everlong]).outcome == .matched)
        let otherAlbum = candidate("other", "Everlong", artists: ["Foo Fighters"], album: "Greatest Hits", seconds: 250)
        #expect(!matcher.match(local, candidates: [otherAlbum]).isUsable)
    }

    @Test func aPlainTitleOnALiveAlbumIsTheLiveRecording() {
        let local = LocalTrack(
            title: "My Generation", artists: ["The Who"], album: "Live at Leeds", durationSeconds: 458)
        let studio = candidate(
            "studio", "My Generation - Stereo Version", artists: ["The Who"], album: "My Generation", seconds: 198)
        let live = candidate(
            "live", "My Generation - Live At Leeds", artists: ["The Who"], album: "Live At Leeds", seconds: 458)
        #expect(matcher.match(local, candidates: [studio, live]).spotifyID == "live")
        #expect(matcher.match(local, candidates: [studio, live]).outcome == .matched)
        let sameLength = candidate(
            "sameLength", "My Generation", artists: ["The Who"], album: "My Generation", seconds: 458)
        #expect(!matcher.match(local, candidates: [sameLength]).isUsable)
    }

    @Test func onAnAlbumThatMayBeLiveOnlyATakeFromThatAlbumOrALiveOneMatches() {
        let jolene = LocalTrack(
            title: "Jolene", artists: ["Dolly Parton"], album: "Live and Well", durationSeconds: 162)
        let studio = candidate("studio", "Jolene", artists: ["Dolly Parton"], album: "Jolene", seconds: 161)
        #expect(!matcher.match(jolene, candidates: [studio]).isUsable)
        let sameAlbum = candidate(
            "sameAlbum", "Jolene", artists: ["Dolly Parton"], album: "Live And Well", seconds: 162)
        #expect(matcher.match(jolene, candidates: [studio, sameAlbum]).spotifyID == "sameAlbum")
        #expect(matcher.match(jolene, candidates: [studio, sameAlbum]).outcome == .matched)

        let dollParts = LocalTrack(
            title: "Doll Parts", artists: ["Hole"], album: "Live Through This", durationSeconds: 211)
        let onIt = candidate("onIt", "Doll Parts", artists: ["Hole"], album: "Live Through This", seconds: 211)
        #expect(matcher.match(dollParts, candidates: [onIt]).outcome == .matched)

        let single = LocalTrack(
            title: "Live and Let Die", artists: ["Wings"], album: "Live and Let Die", durationSeconds: 192)
        let onACompilation = candidate(
            "compilation", "Live And Let Die - 2018 Remaster", artists: ["Wings"], album: "Wings Greatest", seconds: 192
        )
        #expect(matcher.match(single, candidates: [onACompilation]).outcome == .matched)
    }
}
