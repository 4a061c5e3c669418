import SwingCache
import Testing

@Suite struct MusicBrainzRecordingQueryTests {
    @Test(arguments: [
        (
            LocalTrack(title: "Believe", artists: ["Cher"], durationSeconds: 239),
            #"recording:"Believe" AND artist:"Cher" AND dur:[229000 TO 249000]"#
        ),
        (
            LocalTrack(title: "Let It Be - Remastered 2009", artists: ["The Beatles"]),
            #"recording:"Let It Be" AND artist:"The Beatles""#
        ),
        (
            LocalTrack(title: #"Say "Hi" \ Bye"#, artists: ["Someone feat. Other"], durationSeconds: 5),
            #"recording:"Say \"Hi\" \\ Bye" AND artist:"Someone" AND dur:[0 TO 15000]"#
        ),
    ])
    func aFileIsSearchedByItsBaseTitlePrimaryArtistAndDuration(track: LocalTrack, query: String) {
        #expect(MusicBrainzRecordingQuery.text(for: track) == query)
    }

    @Test(arguments: [
        LocalTrack(title: "Track 05", artists: ["Cher"]),
        LocalTrack(title: "Believe", artists: ["Unknown Artist"]),
        LocalTrack(title: "Believe", artists: []),
    ])
    func aFileWithoutARealTitleOrArtistIsNotSearched(track: LocalTrack) {
        #expect(MusicBrainzRecordingQuery.text(for: track) == nil)
    }
}
