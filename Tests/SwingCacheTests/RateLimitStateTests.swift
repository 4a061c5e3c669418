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

extension RateLimitStateTests {
    @Test(arguments: [1, 2, 3, 4, 5])
    func theHourAndTheDayAreNeverExceededTogetherOverRandomSchedules(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var state = RateLimitState(limit: 40, minInterval: 5, recentRequests: [], dailyLimit: 300)
        var now = Date.testEpoch
        var starts: [Date] = []
        for _ in 0..<1_000 {
            now = now.addingTimeInterval(Double.random(in: 0...900, using: &generator))
            guard let start = state.earliestStart(notBefore: now) else { break }
            state.record(at: start)
            starts.append(start)
            now = start
        }
        for (index, start) in starts.enumerated() {
            let inHour = starts[...index].filter { $0 > start.addingTimeInterval(-3600) }.count
            let inDay = starts[...index].filter { $0 > start.addingTimeInterval(-86_400) }.count
            #expect(inHour <= 40)
            #expect(inDay <= 300)
            if index > 0 { #expect(start.timeIntervalSince(starts[index - 1]) >= 5 - 1e-6) }
        }
        #expect(starts.count == 1_000)
    }

    @Test func whenTheDayIsSpentTheNextStartIsWhenTheOldestLeavesIt() {
        let earlier = (0..<10).map { Date.testEpoch.addingTimeInterval(Double($0) * 60) }
        let state = RateLimitState(limit: 100, minInterval: 1, recentRequests: earlier, dailyLimit: 10)
        let now = Date.testEpoch.addingTimeInterval(3 * 3600)
        #expect(state.earliestStart(notBefore: now) == Date.testEpoch.addingTimeInterval(86_400))
        #expect(state.earliestStart(notBefore: now, ignoringDay: true) == now)
        #expect(state.requestsInDay(endingAt: now) == 10)
    }
}
