import Foundation
import SwingCache
import SwingCacheTestKit
import Testing

@Suite struct RateLimitStateTests {
    let now = Date.testEpoch

    @Test func requestsAreSpacedByTheMinimumInterval() {
        var state = RateLimitState(limit: 100, minInterval: 2, recentRequests: [])
        var starts: [Date] = []
        for _ in 0..<3 {
            let start = state.earliestStart(notBefore: now)!
            state.record(at: start)
            starts.append(start)
        }
        #expect(starts.map { $0.timeIntervalSince(now) } == [0, 2, 4])
    }

    @Test func aFullWindowWaitsForItsOldestRequestToAgeOut() {
        let ledger = (0..<3).map { now.addingTimeInterval(-3000 + Double($0) * 100) }
        let state = RateLimitState(limit: 3, minInterval: 2, recentRequests: ledger)
        #expect(state.earliestStart(notBefore: now) == now.addingTimeInterval(600))
        #expect(state.earliestStart(notBefore: now, ignoringWindow: true) == now)
    }

    @Test func aBlockDelaysEveryStart() {
        let state = RateLimitState(
            limit: 3, minInterval: 2, recentRequests: [], blockedUntil: now.addingTimeInterval(30))
        #expect(state.earliestStart(notBefore: now) == now.addingTimeInterval(30))
    }

    @Test func aZeroLimitNeverAllowsARequest() {
        #expect(RateLimitState(limit: 0, minInterval: 2, recentRequests: []).earliestStart(notBefore: now) == nil)
    }

    @Test func noWindowEverHoldsMoreThanTheLimit() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let limit = Int.random(in: 1...20, using: &generator)
            let interval = Double.random(in: 0...300, using: &generator)
            var state = RateLimitState(limit: limit, minInterval: interval, recentRequests: [])
            var clock = now
            var starts: [Date] = []
            for _ in 0..<60 {
                clock = clock.addingTimeInterval(Double.random(in: 0...400, using: &generator))
                let start = state.earliestStart(notBefore: clock)!
                #expect(start >= clock)
                state.record(at: start)
                starts.append(start)
                clock = start
            }
            for (index, start) in starts.enumerated() {
                let inWindow = starts[...index].filter { $0 > start.addingTimeInterval(-3600) }.count
                #expect(inWindow <= limit)
                if index > 0 {
                    #expect(
                        start.timeIntervalSince(starts[index - 1]) >= interval - 1e-6,
                        "sub-microsecond rounding of Date arithmetic aside")
                }
            }
        }
    }
}
