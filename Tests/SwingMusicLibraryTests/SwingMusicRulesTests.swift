import SwingMusicLibrary
import Testing

@Suite struct SwingMusicRulesTests {
    @Test(arguments: SwingMusicCase.all)
    func aTrackIsShownAsSwingMusicShowsIt(_ example: SwingMusicCase) {
        #expect(SwingMusicRules(example.settings).shown(example.tags) == example.shown)
    }

    @Test(arguments: [
        // Values of SwingMusic's `create_hash`, computed by SwingMusic 3.0.1 itself.
        (["Under Pressure", "Hot Space", "Queen", "David Bowie"], "17e67ced90babe7e"),
        (["!!!", "!!!", "!!!"], "a234e888f25ce183"),
        (["", "", ""], "2d06800538d394c2"),
        (["First Light", "Demo Album", "Aurora Fields"], "801462fe6f0965a1"),
        (["\tTab Title\n", "x"], "bfa90a78e02d346e"),
        (["Ünïcode", "ASCII"], "d8f8440f6d488fb6"),
        (["  ", "-"], "de2fb8d1c1a20f76"),
        (["ΣΟΦΟΣ ΑΣ", "İ"], "fd08a311086ae171"),
    ])
    func theHashIsSwingMusicsXXH3OfTheNormalisedParts(parts: [String], expected: String) {
        #expect(SwingMusicHash.of(parts) == expected)
    }

    @Test func theBuiltInIgnoreListHasSwingMusicsSeventySevenNames() {
        let names = SwingMusicSettings.builtInArtistIgnoreList
        #expect(names.count == 77)
        #expect(names.filter { $0.contains(",") || $0.contains("/") }.count == 9)
        #expect(names.contains("Tyler, The Creator"))
    }

    @Test(arguments: [
        ("Tyler, The Creator", ["Tyler, The Creator"]),
        ("Earth, Wind & Fire", ["Earth, Wind & Fire"]),
        ("tyler, the creator/Frank Ocean", ["tyler, the creator", "Frank Ocean"]),
        ("Queen/David Bowie", ["Queen", "David Bowie"]),
        ("Daft Punk; Pharrell Williams, Nile Rodgers", ["Daft Punk", "Pharrell Williams", "Nile Rodgers"]),
        ("Simon & Garfunkel", ["Simon & Garfunkel"]),
        ("", []),
    ])
    func artistsAreSplitByTheDefaultSeparatorsKeepingTheIgnoreListWhole(text: String, expected: [String]) {
        #expect(ArtistSplitting.swingMusicDefault.split(text) == expected)
    }

    @Test func aSeparatorLongerThanOneCharacterNeverSplitsAsInSwingMusic() {
        let splitting = ArtistSplitting(separators: [" & ", ";"], keptWhole: [])
        #expect(splitting.split("Simon & Garfunkel; AC/DC") == ["Simon & Garfunkel", "AC/DC"])
        let single = ArtistSplitting(separators: ["&", ";"], keptWhole: [])
        #expect(single.split("Simon & Garfunkel; AC/DC") == ["Simon", "Garfunkel", "AC/DC"])
    }
}
