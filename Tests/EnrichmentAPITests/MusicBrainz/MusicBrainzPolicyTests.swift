import EnrichmentAPI
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct MusicBrainzPolicyTests {
    let now = Date.testEpoch

    @Test func theNextRequestStartsAtLeastASecondAfterThePrevious() {
        let policy = MusicBrainzPolicy.standard
        #expect(policy.earliestStart(lastStart: nil, now: now) == now)
        #expect(policy.earliestStart(lastStart: now.addingTimeInterval(-0.3), now: now) == now.addingTimeInterval(0.7))
        #expect(policy.earliestStart(lastStart: now.addingTimeInterval(-5), now: now) == now)
        #expect(policy.maxConcurrentRequests == 1)
    }

    @Test(arguments: [(0, 1.0), (1, 2.0), (2, 3.0), (3, 4.0)])
    func aBusyAnswerIsRetriedAtGrowingIntervalsOfAtLeastASecond(retriesSoFar: Int, wait: TimeInterval) {
        #expect(
            MusicBrainzPolicy.standard.afterBusy(retriesSoFar: retriesSoFar, now: now)
                == .retry(at: now.addingTimeInterval(wait)))
    }

    @Test func afterFourBusyRetriesTheRequestCountsAsFailed() {
        #expect(MusicBrainzPolicy.standard.maxBusyRetries == 4)
        #expect(MusicBrainzPolicy.standard.afterBusy(retriesSoFar: 4, now: now) == .giveUp)
        #expect(MusicBrainzPolicy(maxBusyRetries: 0).afterBusy(retriesSoFar: 0, now: now) == .giveUp)
    }

    @Test func valuesBelowMusicBrainzsRuleAreRaisedToIt() {
        let policy = MusicBrainzPolicy(minInterval: 0.2, maxBusyRetries: 3, busyBackoff: 0)
        #expect(policy.minInterval == 1)
        #expect(policy.busyBackoff == 1)
        #expect(
            MusicBrainzPolicy(minInterval: 1.5).earliestStart(lastStart: now, now: now) == now.addingTimeInterval(1.5))
    }
}
