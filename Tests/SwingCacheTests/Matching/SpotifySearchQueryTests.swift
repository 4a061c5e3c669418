import SwingCache
import Testing

@Suite struct SpotifySearchQueryTests {
    @Test(arguments: [
        (
            "Let It Be - Remastered 2009", ["The Beatles"], "Let It Be (Super Deluxe)",
            #"track:"Let It Be" artist:"The Beatles" album:"Let It Be""#
        ),
        (
            "Empire State of Mind (feat. Alicia Keys)", ["JAY-Z feat. Alicia Keys", "Alicia Keys"], nil,
            #"track:"Empire State of Mind" artist:"JAY-Z""#
        ),
        (
            "Bohemian Rhapsody (Live Aid)", ["Queen"], "Live Aid",
            #"track:"Bohemian Rhapsody" artist:"Queen" album:"Live Aid" live"#
        ),
        (#"12" Single"#, ["Unknown", "Band"], "Unknown", #"track:"12 Single" artist:"Band""#),
        ("Hoppípolla “Live”", ["Sigur Rós"], "Takk...", #"track:"Hoppípolla Live" artist:"Sigur Rós" album:"Takk...""#),
        ("Untitled", [], "", #"track:"Untitled""#),
    ])
    func theQueryNamesTheSongItsPrimaryArtistAndItsAlbum(
        title: String, artists: [String], album: String?, expected: String
    ) {
        #expect(SpotifySearchQuery.text(for: LocalTrack(title: title, artists: artists, album: album)) == expected)
    }

    @Test func theAlbumCanBeLeftOutToWidenTheSearch() {
        let track = LocalTrack(title: "Let It Be", artists: ["The Beatles"], album: "Let It Be")
        #expect(
            SpotifySearchQuery.text(for: track, includingAlbum: false) == #"track:"Let It Be" artist:"The Beatles""#)
    }
}

@Suite struct LocalTrackFingerprintTests {
    let track = LocalTrack(
        title: "Let It Be", artists: ["The Beatles"], album: "Let It Be", durationSeconds: 243, isrc: "GBAYE0601498")

    @Test func theFingerprintIsStableAndShort() {
        #expect(track.fingerprint == track.fingerprint)
        #expect(track.fingerprint.hasPrefix("v1:"))
        #expect(track.fingerprint.count == 19)
    }

    @Test func theSameISRCWrittenDifferentlyGivesTheSameFingerprint() {
        var dashed = track
        dashed.isrc = "gb-aye-06-01498"
        #expect(dashed.fingerprint == track.fingerprint)
    }

    @Test func everyInputTheMatcherReadsChangesTheFingerprint() {
        var changes = [track]
        changes.append(
            LocalTrack(
                title: "Let It Be (Live)", artists: track.artists, album: track.album, durationSeconds: 243,
                isrc: track.isrc))
        changes.append(
            LocalTrack(
                title: track.title, artists: ["The Beatles", "Billy Preston"], album: track.album, durationSeconds: 243,
                isrc: track.isrc))
        changes.append(
            LocalTrack(title: track.title, artists: track.artists, album: "1", durationSeconds: 243, isrc: track.isrc))
        changes.append(
            LocalTrack(
                title: track.title, artists: track.artists, album: track.album, durationSeconds: 244, isrc: track.isrc))
        changes.append(
            LocalTrack(title: track.title, artists: track.artists, album: track.album, durationSeconds: 243, isrc: nil))
        #expect(Set(changes.map(\.fingerprint)).count == changes.count)
    }
}
