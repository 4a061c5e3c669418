import EnrichmentAPI
import Foundation
import SwingCacheTestKit
import Testing

@Suite struct DeezerPolicyTests {
    let now = Date.testEpoch

    /// `count` starts, one every `spacing` seconds, the last at `now`.
    func starts(_ count: Int, spacing: TimeInterval) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-Double(count - 1 - $0) * spacing) }
    }

    @Test func fewerThanFiftyRequestsInFiveSecondsLetTheNextStartNow() {
        #expect(DeezerPolicy.standard.earliestStart(notBefore: now, recentStarts: starts(49, spacing: 0.05)) == now)
        #expect(DeezerPolicy.standard.earliestStart(notBefore: now, recentStarts: []) == now)
    }

    @Test func theFiftyFirstWaitsUntilTheOldestLeavesTheWindow() {
        let recent = starts(50, spacing: 0.05)
        let oldest = recent[0]
        #expect(
            DeezerPolicy.standard.earliestStart(notBefore: now, recentStarts: recent.shuffled())
                == oldest.addingTimeInterval(5))
    }

    @Test func requestsOlderThanTheWindowDoNotCount() {
        let old = starts(50, spacing: 0.01).map { $0.addingTimeInterval(-6) }
        #expect(DeezerPolicy.standard.earliestStart(notBefore: now, recentStarts: old) == now)
    }

    @Test func theLimitAndWindowAreConfigurable() {
        let policy = DeezerPolicy(limit: 2, window: 10)
        let recent = [now.addingTimeInterval(-3), now.addingTimeInterval(-1)]
        #expect(policy.earliestStart(notBefore: now, recentStarts: recent) == now.addingTimeInterval(7))
    }
}
