import EnrichmentAPI
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct ListenBrainzPacingTests {
    let now = Date.testEpoch

    @Test func withNothingKnownTheNextRequestMayStartNow() {
        #expect(ListenBrainzPacing().earliestStart(now: now) == now)
    }

    @Test(arguments: [(5, 0.0), (1, 0.0), (0, 10.0)])
    func requestsLeftMeanNowAndNoneLeftMeansTheReset(remaining: Int, wait: TimeInterval) {
        let pacing = ListenBrainzPacing(
            last: ListenBrainzRateLimit(limit: 30, remaining: remaining, resetIn: 10, receivedAt: now))
        #expect(pacing.earliestStart(now: now) == now.addingTimeInterval(wait))
    }

    @Test func theResetIsCountedFromWhenTheHeadersArrived() {
        let pacing = ListenBrainzPacing(last: ListenBrainzRateLimit(remaining: 0, resetIn: 10, receivedAt: now))
        #expect(pacing.earliestStart(now: now.addingTimeInterval(4)) == now.addingTimeInterval(10))
        #expect(pacing.earliestStart(now: now.addingTimeInterval(12)) == now.addingTimeInterval(12))
    }

    @Test func anAnswerWithoutHeadersKeepsTheLastKnownOnes() {
        var pacing = ListenBrainzPacing()
        let exhausted = ListenBrainzRateLimit(remaining: 0, resetIn: 6, receivedAt: now)
        pacing.record(exhausted)
        pacing.record(nil)
        #expect(pacing.last == exhausted)
        #expect(pacing.earliestStart(now: now) == now.addingTimeInterval(6))
    }
}
