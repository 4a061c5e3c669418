import CacheStore
import EnrichmentAPI
import Foundation
import SwingMusicLibrary
import Testing

@testable import Runner

/// How a history import is cut into restores SwingMusic answers in time, and how a restore is read back.
@Suite struct PlayRestoreTests {
    @Test func theFirstRestoreIsSmallAndTheNextTakesAThirdOfTheTimeoutAtThePaceMeasured() {
        var sizing = RestoreSizing(answerTimeout: 30)
        #expect(sizing.size == 1_000)
        sizing.restored(1_000, in: 2)
        #expect(sizing.size == 2_000, "500 a second would allow 5 000, but a restore at most doubles")
        sizing.restored(2_000, in: 4)
        #expect(sizing.size == 4_000)
        sizing.restored(4_000, in: 20)
        #expect(sizing.size == 2_000, "200 a second: 10 s is 2 000 plays")
    }

    @Test func aRestoreNeverGrowsPastTheLargestNorShrinksBelowTheSmallest() {
        var sizing = RestoreSizing(answerTimeout: 30)
        for _ in 0..<10 { sizing.restored(sizing.size, in: 0.01) }
        #expect(sizing.size == RestoreSizing.largest)
        sizing.restored(10, in: 100)
        #expect(sizing.size == RestoreSizing.smallest)
    }

    @Test func aRestoreThatGotNoAnswerShrinksTheNextToAQuarter() {
        var sizing = RestoreSizing(answerTimeout: 30)
        sizing.unanswered(1_000)
        #expect(sizing.size == 250)
        sizing.unanswered(250)
        #expect(sizing.size == RestoreSizing.smallest)
    }

    static func play(_ trackhash: String, at timestamp: Int, from source: ListenSource = .lastfm)
        -> HistoryImportPlan.Play
    {
        HistoryImportPlan.Play(
            listen: Listen(source: source, artist: "Artist", title: trackhash, timestamp: timestamp),
            track: PublishableTrack(
                filepath: "/music/\(trackhash).flac", trackhash: trackhash, title: trackhash, artists: ["Artist"]))
    }

    @Test func aPlaySwingMusicHoldsHasLandedAndOneAtTheSecondOfTheRestorersPlayIsSkipped() {
        let plays = [Self.play("a", at: 10), Self.play("b", at: 20), Self.play("c", at: 30)]
        let readBack = PlayReadBack(
            plays, held: [Scrobble(trackhash: "a", timestamp: 10, imported: true)],
            restorersPlays: [Scrobble(trackhash: "b", timestamp: 20)])
        #expect(readBack.landed == [plays[0]])
        #expect(readBack.skipped == [plays[1]], "the admin's play of that song at that second")
        #expect(readBack.missing == [plays[2]])
        #expect(!readBack.isComplete)
    }

    @Test func twoPlaysOfOneSongAtOneSecondLandOnlyWhenSwingMusicHoldsTwoRows() {
        let plays = [Self.play("a", at: 10), Self.play("a", at: 10, from: .listenbrainz)]
        let one = PlayReadBack(plays, held: [Scrobble(trackhash: "a", timestamp: 10)], restorersPlays: [])
        #expect(one.landed.count == 1)
        #expect(one.missing.count == 1)
        let two = PlayReadBack(
            plays, held: Array(repeating: Scrobble(trackhash: "a", timestamp: 10), count: 2), restorersPlays: [])
        #expect(two.isComplete)
    }
}
