import CacheStore
import EnrichmentAPI
import SwingCache
import SwingMusicLibrary
import Testing

@testable import Runner

/// Which listens of a user's history become plays in SwingMusic: each play once, none SwingMusic already holds.
@Suite struct HistoryImportPlanTests {
    let tracks = [
        PublishableTrack(
            filepath: "/music/01 Under Pressure.flac", trackhash: "pressure", title: "Under Pressure",
            artists: ["Queen", "David Bowie"], recordingMBIDs: ["mbid-pressure"]),
        PublishableTrack(
            filepath: "/music/06 Up & Up.flac", trackhash: "upandup", title: "Up & Up",
            artists: ["Coldplay & Beyoncé"]),
        PublishableTrack(
            filepath: "/music/02 Get Lucky.mp3", trackhash: "lucky", title: "Get Lucky",
            artists: ["Daft Punk", "Pharrell Williams"]),
    ]

    func listen(_ source: ListenSource, _ artist: String, _ title: String, at time: Int, mbid: String? = nil)
        -> Listen
    {
        Listen(source: source, artist: artist, title: title, recordingMBID: mbid, timestamp: time)
    }

    @Test func aListenMatchesByRecordingElseByArtistAndTitleAsSwingMusicShowsThem() {
        let matcher = ListenMatcher(tracks)
        #expect(
            matcher.track(for: listen(.lastfm, "Someone Else", "Other", at: 1, mbid: "mbid-pressure"))?.trackhash
                == "pressure")
        #expect(matcher.track(for: listen(.lastfm, "David Bowie", "Under Pressure", at: 1))?.trackhash == "pressure")
        #expect(
            matcher.track(for: listen(.listenbrainz, "Queen, David Bowie", "Under Pressure", at: 1))?.trackhash
                == "pressure")
        #expect(matcher.track(for: listen(.lastfm, "Coldplay", "Up&Up", at: 1))?.trackhash == "upandup")
        #expect(
            matcher.track(for: listen(.lastfm, "Daft Punk", "Get Lucky (feat. Pharrell Williams) - Radio Edit", at: 1))
                == nil, "an edit is another recording")
        #expect(
            matcher.track(for: listen(.lastfm, "Daft Punk", "Get Lucky (Remastered 2013)", at: 1))?.trackhash == "lucky"
        )
        #expect(matcher.track(for: listen(.lastfm, "Radiohead", "Paranoid Android", at: 1)) == nil)
    }

    @Test func aPlayBothServicesReportIsImportedOnceAndOneSwingMusicHoldsIsNotImportedAgain() {
        let plan = HistoryImportPlan(
            listens: [
                listen(.lastfm, "Queen", "Under Pressure", at: 1000),
                listen(.listenbrainz, "Queen, David Bowie", "Under Pressure", at: 1000, mbid: "mbid-pressure"),
                listen(.lastfm, "Daft Punk", "Get Lucky", at: 2000),
                listen(.lastfm, "Daft Punk", "Get Lucky", at: 2300),
                listen(.listenbrainz, "Daft Punk", "Get Lucky", at: 2300),
                listen(.lastfm, "Coldplay", "Up & Up", at: 5000),
                listen(.listenbrainz, "Radiohead", "Paranoid Android", at: 6000),
            ],
            matcher: ListenMatcher(tracks),
            // SwingMusic scrobbled the first Get Lucky itself (to Last.fm too), logging it when the song ended.
            swingMusicPlays: [Scrobble(trackhash: "lucky", timestamp: 2240)])
        #expect(plan.plays.map(\.listen.timestamp) == [1000, 2300, 5000])
        #expect(plan.plays.map(\.listen.source) == [.lastfm, .lastfm, .lastfm])
        #expect(plan.duplicatesAcrossServices == 2)
        #expect(plan.alreadyInSwingMusic == 1)
        #expect(plan.unmatched.map(\.title) == ["Paranoid Android"])
    }

    @Test func aSongPlayedTwiceInARowStaysTwoPlaysAndAReImportAddsNothing() {
        let listens = [
            listen(.lastfm, "Queen", "Under Pressure", at: 1000),
            listen(.lastfm, "Queen", "Under Pressure", at: 1250),
        ]
        let first = HistoryImportPlan(listens: listens, matcher: ListenMatcher(tracks), swingMusicPlays: [])
        #expect(first.plays.count == 2)
        let again = HistoryImportPlan(
            listens: listens, matcher: ListenMatcher(tracks),
            swingMusicPlays: first.plays.map {
                Scrobble(trackhash: $0.track.trackhash, timestamp: $0.listen.timestamp, imported: true)
            })
        #expect(again.plays.isEmpty)
        #expect(again.alreadyInSwingMusic == 2)
    }
}
